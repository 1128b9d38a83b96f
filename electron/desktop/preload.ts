// Preload: exposes the API contract and nothing else (arrives with the app issue).
export {};
