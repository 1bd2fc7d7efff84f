import { createContext, useContext } from 'react';
import type { Period } from '../../../src-shared/reports/period';
import type { QuestionReport } from '../../../src-shared/reports/questions';
import type { SurveyResults } from '../../../src-shared/reports/survey-results';
import type { PreflightProblem, SstuTableRow } from '../../../src-shared/reports/sstu';
import { call } from '../../api/client';

/** The month's ССТУ check as the view shows it, from a desk or from the central. */
export interface SstuCheckView {
  /** The office's id in ССТУ.РФ (or the offices' ids); null when one is missing. */
  departmentId: string | null;
  cards: number;
  questions: number;
  table: SstuTableRow[];
  problems: PreflightProblem[];
}

/**
 * Where the shared report views get their figures: the desk's core (through the contract) or
 * the central's HTTP API (the console). The views, their wording and their links are one code.
 */
export interface ReportSource {
  questions(period: Period): Promise<QuestionReport>;
  /** Questionnaires that have answers, labelled for a picker. */
  templates(): Promise<{ id: string; label: string }[]>;
  surveys(templateId: string, period: Period): Promise<SurveyResults>;
  /** The address of the cards behind a figure (the console adds the office in view). */
  drillHref(to: string): string;
  sstuCheck(month: string): Promise<SstuCheckView>;
  sstuFile(
    month: string,
    format: 'json' | 'xlsx',
  ): Promise<{ fileName: string; data: string; cards: number }>;
  /** Where a card of the pre-flight list opens; null: shown as text. */
  cardHref(appealId: string): string | null;
}

export const deskReportSource: ReportSource = {
  questions: (period) => call('reports.questions', { period }),
  templates: async () =>
    (await call('surveys.templates', {}))
      .filter((x) => x.responses > 0)
      .map((x) => ({ id: x.id, label: `${x.title} (v${x.version})` })),
  surveys: (templateId, period) => call('reports.surveys', { templateId, period }),
  drillHref: (to) => to,
  sstuCheck: (month) => call('sstu.check', { month }),
  sstuFile: (month, format) => call('sstu.file', { month, format }),
  cardHref: (id) => `/appeals/${id}`,
};

export const ReportSourceContext = createContext<ReportSource>(deskReportSource);
export const useReportSource = () => useContext(ReportSourceContext);
