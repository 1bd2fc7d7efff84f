/** Ports of the two browser-mode desks the E2E tests run against (see playwright.config.ts). */
export const PORT = 5191;
/** A second desk, seeded with 100k synthetic cards, for the virtual list. */
export const BIG_PORT = 5193;
/** The central server the desk enrolls with in sync.spec.ts. */
export const CENTRAL_PORT = 5195;
