/** Dates as Russian documents write them: one implementation, in src-shared. */
export {
  ruDate as formatDate,
  ruDateTime as formatDateTime,
} from '../../../src-shared/domain/dates';
