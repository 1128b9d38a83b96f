// The native open dialog's title and filters for each kind of file the app asks the user to
// choose. An Ansible inventory often has no extension (`/etc/ansible/hosts`), so its dialog
// shows every file first.
import type { OpenDialogOptions } from 'electron';
import type { PickKind } from '../api/api-handlers';

export const pickDialogs: Record<PickKind, OpenDialogOptions> = {
  config: {
    title: 'Open application.yaml',
    properties: ['openFile'],
    filters: [
      { name: 'YAML', extensions: ['yaml', 'yml'] },
      { name: 'All files', extensions: ['*'] },
    ],
  },
  inventory: {
    title: 'Open an Ansible inventory',
    properties: ['openFile'],
    filters: [
      { name: 'All files', extensions: ['*'] },
      { name: 'Inventory (INI or YAML)', extensions: ['ini', 'yaml', 'yml'] },
    ],
  },
};
