// The version `rwsec --version` and the served app report: package.json's, bundled at build time
// (esbuild keeps only this field), so it never drifts from the package.
import { version } from '../../package.json';

export const rwsecVersion: string = version;
