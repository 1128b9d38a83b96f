// The guide's "Interaction Recording Web Services Authentication Flow" as data for a diagram: the
// order RWS tries, and when each step applies. It does not depend on application.yaml
// (Configuration Server authentication is enabled per contact center, in Configuration Server).
export interface AuthStep {
  id: 'config-server' | 'rws' | 'unauthenticated';
  title: string;
  /** When this step applies. */
  applies: string;
}

export const authSteps: readonly AuthStep[] = [
  {
    id: 'config-server',
    title: 'Configuration Server authentication',
    applies:
      'Basic authentication header present and Configuration Server authentication enabled for the contact center.',
  },
  {
    id: 'rws',
    title: "RWS's own authentication",
    applies:
      'Basic authentication header present and Configuration Server authentication not enabled for the contact center.',
  },
  {
    id: 'unauthenticated',
    title: 'Unauthenticated',
    applies: 'No header, or both authentications failed.',
  },
];
