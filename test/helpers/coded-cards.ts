import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../src-server/db/schema';

/**
 * Coded cards written straight into a central's tables as sync stores them (the card's JSON
 * with its text, and its codes), for builds of the topic model at a size no desk would push in
 * a test. One office, `O1`; ids `a0000000`… in order. A card's `data` may be given as is (to
 * plant a damaged record).
 */
export async function storeCodedCards(
  db: Kysely<ServerDatabase>,
  cards: readonly { text: string; codes: readonly string[]; data?: string }[],
) {
  const day = '2026-01-15T10:00';
  await db
    .insertInto('offices')
    .values({ id: 'o1', code: 'O1', name: 'Орган', created_at: day })
    .onConflict((oc) => oc.doNothing())
    .execute();
  for (let from = 0; from < cards.length; from += 500) {
    const chunk = cards.slice(from, from + 500);
    const id = (i: number) => `a${String(from + i).padStart(7, '0')}`;
    await db
      .insertInto('appeals')
      .values(
        chunk.map((c, i) => ({
          id: id(i),
          office_id: 'o1',
          desk_code: 'B1',
          registered_at: day,
          reg_number: null,
          data: c.data ?? JSON.stringify({ id: id(i), content: c.text, topicCodes: c.codes }),
          clocks: '{}',
        })),
      )
      .execute();
    const topics = chunk.flatMap((c, i) =>
      c.codes.map((code) => ({ appeal_id: id(i), code, office_id: 'o1', registered_at: day })),
    );
    if (topics.length > 0) await db.insertInto('appeal_topics').values(topics).execute();
  }
}
