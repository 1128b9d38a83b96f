// The one place @peculiar/x509 is set up: its ASN.1 schema decorators need reflect-metadata loaded
// before the library, and its builders (certificates, CSRs) need a WebCrypto provider: Node's.
// Everything else imports `px` from here (lint-enforced), so the order can never go wrong.
import 'reflect-metadata';
import * as px from '@peculiar/x509';
import { webcrypto } from 'node:crypto';

px.cryptoProvider.set(webcrypto as unknown as Crypto);

export { px };
