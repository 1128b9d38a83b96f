// The certificate and key store formats this tool knows, defined once: the keystore model
// (electron/services/keystore/model.ts), format detection, the codec table
// (electron/services/keystore/codecs.ts, which does not compile until a new format has a codec)
// and the API contract's file formats all derive from these lists.
export const storeTypes = ['JKS', 'JCEKS', 'PKCS12', 'PEM', 'DER', 'PKCS7'] as const;
export type StoreType = (typeof storeTypes)[number];

/** The formats this tool writes (the others are read, and converted to one of these). */
export const writableStoreTypes = ['JKS', 'PKCS12', 'PEM'] as const satisfies readonly StoreType[];
export type WritableStoreType = (typeof writableStoreTypes)[number];
