// The kit wizards' and secret encryption's channels over the editing session (spread into the one
// handler table of api-handlers.ts).
import type { ApiHandlers } from '../../shared/api/contract';
import { obfuscate } from '../../shared/secrets/obf';
import { encryptWithGirJar } from '../services/kits/encrypt';
import type { EditingSession } from '../services/session/editing-session';
import { cassandraKit } from './kit-cassandra-api';
import { httpsKit } from './kit-https-api';
import { probeChain, trustKit, trustPlan } from './kit-trust-api';
import { verifyEndpoint, verifyStore } from './kit-verify';

type KitHandlers = Pick<
  ApiHandlers,
  | 'kit.https.plan'
  | 'kit.https.run'
  | 'kit.cassandra.plan'
  | 'kit.cassandra.run'
  | 'kit.trust.probe'
  | 'kit.trust.plan'
  | 'kit.trust.run'
  | 'kit.verify.store'
  | 'kit.verify.endpoint'
  | 'secret.obf'
  | 'secret.crypt'
>;

export function createKitHandlers(session: EditingSession): KitHandlers {
  return {
    'kit.https.plan': (r) => httpsKit(session, r, false),
    'kit.https.run': (r) => httpsKit(session, r, true),
    'kit.cassandra.plan': (r) => cassandraKit(session, r, false),
    'kit.cassandra.run': (r) => cassandraKit(session, r, true),
    'kit.trust.probe': (r) => probeChain(r),
    'kit.trust.plan': (r) => trustPlan(session, r),
    'kit.trust.run': (r) => trustKit(session, r),
    'kit.verify.store': (r) => verifyStore(session, r),
    'kit.verify.endpoint': (r) => verifyEndpoint(session, r),
    'secret.obf': async ({ password }) => ({ value: obfuscate(password) }),
    'secret.crypt': ({ girJar, password }) =>
      encryptWithGirJar(password, { girJar: session.resolvePath(girJar) }).then((value) => ({
        value,
      })),
  };
}
