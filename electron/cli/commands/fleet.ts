// `rwsec fleet`: every RWS node of an Ansible inventory, over OpenSSH.
import { defineGroup } from '../cli-spec';
import { fleetPushKitCommand } from './fleet/fleet-push-kit-cli';
import { fleetSetCommand } from './fleet/fleet-set-cli';
import { fleetStatusCommand } from './fleet/fleet-status-cli';

export const fleetCommand = defineGroup({
  name: 'fleet',
  description: [
    'The nodes come from an Ansible inventory and are reached with the system OpenSSH client.',
  ],
  subcommands: [fleetStatusCommand, fleetSetCommand, fleetPushKitCommand],
});
