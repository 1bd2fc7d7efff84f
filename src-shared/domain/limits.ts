/** Field length limits of the reception card, shared by the form, the contract and the core. */
export const LIMITS = {
  name: 200,
  address: 500,
  phone: 40,
  email: 254,
  organisation: 300,
  powerOfAttorney: 300,
  content: 10_000,
  answer: 10_000,
  recipient: 300,
  executor: 200,
  /** Outgoing and incoming document numbers (cover letters). */
  docNumber: 50,
  note: 2_000,
  /** An SVG signature drawn on screen, as a data URL. */
  signature: 48_000,
  topics: 10,
  searchQuery: 200,
} as const;
