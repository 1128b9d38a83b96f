// Electron main process entry (arrives with the app issue).
export {};
