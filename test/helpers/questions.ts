import type { QuestionOutcome } from '../../src-shared/domain/questions';

/** A question's own outcome (set apart from the card), empty but for what the test is about. */
export function ownOutcome(
  o: Partial<QuestionOutcome> & Pick<QuestionOutcome, 'status'>,
): QuestionOutcome {
  return {
    measuresTaken: false,
    responseDate: null,
    transferRecipient: null,
    transferDepartmentId: null,
    transferDate: null,
    transferNumber: null,
    answerAttachmentId: null,
    ...o,
  };
}
