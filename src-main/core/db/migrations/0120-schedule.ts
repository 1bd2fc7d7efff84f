import type { Migration } from './index';

/**
 * The monthly reception schedule of officials and the bookings into it (and walk-ins). A
 * booking received becomes a reception card; appeal_id links the two. Local to the desk.
 */
export const m0120Schedule: Migration = {
  version: 120,
  name: 'schedule',
  up(db) {
    db.exec(`
      CREATE TABLE schedule_entries (
        id TEXT PRIMARY KEY,
        official_id TEXT NOT NULL REFERENCES officials (id),
        date TEXT NOT NULL,
        start_time TEXT NOT NULL,
        end_time TEXT NOT NULL CHECK (end_time > start_time),
        place TEXT NOT NULL,
        note TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX schedule_entries_date ON schedule_entries (date, start_time);

      CREATE TABLE bookings (
        id TEXT PRIMARY KEY,
        entry_id TEXT REFERENCES schedule_entries (id),
        date TEXT NOT NULL,
        time TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('phone', 'in_person')),
        visitor_name TEXT NOT NULL,
        visitor_phone TEXT,
        visitor_email TEXT,
        visitor_address TEXT,
        topic TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'booked'
          CHECK (status IN ('booked', 'arrived', 'received', 'cancelled', 'no_show')),
        appeal_id TEXT UNIQUE REFERENCES appeals (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((status = 'received') = (appeal_id IS NOT NULL))
      );
      CREATE INDEX bookings_date ON bookings (date, time);
      -- One visitor per time of an entry, cancelled bookings aside.
      CREATE UNIQUE INDEX bookings_slot ON bookings (entry_id, time)
        WHERE entry_id IS NOT NULL AND status NOT IN ('cancelled', 'no_show');
    `);
  },
};
