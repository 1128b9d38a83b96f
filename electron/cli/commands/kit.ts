// `rwsec kit`: certificate kits that do one whole procedure of the guide in one step, writing
// their files and the matching application.yaml values together (both or neither).
import { defineGroup } from '../cli-spec';
import { kitCassandraCommand } from './kit-cassandra';
import { kitEpilogue } from './kit-common';
import { kitHttpsCommand } from './kit-https';
import { kitTrustCommand } from './kit-trust';

export const kitCommand = defineGroup({
  name: 'kit',
  subcommands: [kitHttpsCommand, kitCassandraCommand, kitTrustCommand],
  epilogue: kitEpilogue,
});
