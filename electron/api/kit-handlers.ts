// The kit wizards' and secret encryption's channels over the editing session (spread into the one
// handler table of api-handlers.ts).
import type { ApiHandlers } from '../../shared/api/contract';
import { obfuscate } from '../../shared/secrets/obf';
import { encryptWithGirJar } from '../services/kits/encrypt';
import type { EditingSession } from '../services/session/editing-session';
import type { HeavyWork } from '../services/heavy/heavy-work';
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

export function createKitHandlers(session: EditingSession, work: HeavyWork): KitHandlers {
  return {
    'kit.https.plan': (r) => httpsKit(session, work, r, false),
    'kit.https.run': (r) => httpsKit(session, work, r, true),
    'kit.cassandra.plan': (r) => cassandraKit(session, work, r, false),
    'kit.cassandra.run': (r) => cassandraKit(session, work, r, true),
    'kit.trust.probe': (r) => probeChain(r),
    'kit.trust.plan': (r) => trustPlan(session, work, r),
    'kit.trust.run': (r) => trustKit(session, work, r),
    'kit.verify.store': (r) => verifyStore(session, work, r),
    'kit.verify.endpoint': (r) => verifyEndpoint(session, work, r),
    'secret.obf': async ({ password }) => ({ value: obfuscate(password) }),
    'secret.crypt': ({ girJar, password }) =>
      encryptWithGirJar(password, { girJar: session.resolvePath(girJar) }).then((value) => ({
        value,
      })),
  };
}
