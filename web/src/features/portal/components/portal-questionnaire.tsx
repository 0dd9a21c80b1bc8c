import { useQueryClient } from '@tanstack/react-query';
import { type FocusEvent, useEffect, useRef, useState } from 'react';
import { answerProgress } from '#shared/domain/questionnaires/progress.js';
import { resolveVisibility } from '#shared/domain/questionnaires/visibility.js';
import type { EvidenceFile } from '#shared/schemas/evidence.js';
import type { PortalQuestionnaire } from '#shared/schemas/portal.js';
import type { Locale, Question } from '#shared/schemas/questionnaires.js';
import { Alert } from '../../../components/ui/alert.js';
import { isApiError } from '../../../lib/api-client.js';
import { describeError } from '../../../lib/form-errors.js';
import { QuestionnaireView } from '../../questionnaires/components/answer-fields/questionnaire-view.js';
import { portalKeys, useChoosePortalLocale, useSubmitPortal } from '../api.js';
import { formatMoment, initialLocale } from '../lib/portal-format.js';
import { portalWords } from '../lib/portal-words.js';
import { useAutosave } from '../lib/use-autosave.js';
import { AnswerStatus } from './answer-status.js';
import { EvidenceUpload } from './evidence-upload.js';
import { PortalIntro } from './portal-intro.js';
import { PortalTasks } from './portal-tasks.js';
import { ProgressBar } from './progress-bar.js';
import { ReviewComment, ReviewSummary } from './review-comments.js';
import { SubmitPanel, type SubmitProblem } from './submit-panel.js';

/** The loaded questionnaire: intro, progress, the questions (autosaved), evidence, and the submit. */
export function PortalQuestionnaireForm({ token, data }: { token: string; data: PortalQuestionnaire }) {
  const client = useQueryClient();
  const def = data.definition;
  const editable = data.editable;
  const [locale, setLocale] = useState<Locale>(() => initialLocale(def, data.locale));
  const chooseLocale = useChoosePortalLocale(token);
  const w = portalWords(locale);
  const autosave = useAutosave({ token, definition: def, answers: data.answers });
  const submit = useSubmitPortal(token);
  const [problem, setProblem] = useState<SubmitProblem | null>(null);
  const [missing, setMissing] = useState<ReadonlySet<string>>(new Set());
  const done = useRef<HTMLDivElement>(null);

  const visible = new Set(resolveVisibility(def, autosave.values).questions.map((q) => q.id));
  const overall = autosave.overallFor(visible);
  // Leaving with answers not yet stored: the browser asks first.
  const unsafe = overall !== 'idle' && overall !== 'saved';
  useEffect(() => {
    if (!unsafe) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsafe]);

  useEffect(() => {
    if (!editable) done.current?.focus();
  }, [editable]);

  const progress = answerProgress(def, autosave.values);
  const filesOf = (questionId: string) => data.evidence.filter((f) => f.questionId === questionId);

  const addFile = (file: EvidenceFile) =>
    client.setQueryData<PortalQuestionnaire>(portalKeys.questionnaire(token), (old) =>
      old ? { ...old, evidence: [...old.evidence, file] } : old,
    );

  const onLocale = (next: Locale) => {
    setLocale(next);
    if (editable) chooseLocale.mutate(next);
  };

  const onAnswer = (questionId: string, value: Parameters<typeof autosave.change>[1]) => {
    if (missing.has(questionId)) setMissing(new Set([...missing].filter((id) => id !== questionId)));
    autosave.change(questionId, value);
  };

  // Leaving a field saves it at once, rather than after the pause.
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    const holder = (event.target as HTMLElement).closest('[id^="answer-"]');
    if (holder && !holder.contains(event.relatedTarget as Node | null)) {
      void autosave.flush(holder.id.slice('answer-'.length));
    }
  };

  const onSubmit = async () => {
    setProblem(null);
    await autosave.flush();
    // The latest answers decide what is visible (a follow-up may have just closed).
    const unsettled = autosave.unsettled(
      new Set(resolveVisibility(def, autosave.values).questions.map((q) => q.id)),
    );
    if (unsettled.length > 0) {
      setProblem({ kind: 'unsaved', questionIds: unsettled });
      return;
    }
    try {
      await submit.mutateAsync();
      setMissing(new Set());
    } catch (error) {
      if (isApiError(error) && error.code === 'validation_failed' && error.issues.length > 0) {
        const ids = error.issues.map((i) => i.path);
        setMissing(new Set(ids));
        setProblem({ kind: 'missing', message: error.message, questionIds: ids });
      } else {
        setProblem({ kind: 'error', message: describeError(error) });
        // Submitted (or withdrawn) meanwhile in another window: show the questionnaire as it now is.
        if (isApiError(error) && (error.status === 422 || error.status === 410)) {
          void client.invalidateQueries({ queryKey: portalKeys.questionnaire(token) });
        }
      }
    }
  };

  const fileQuestion = (q: Question, ids: { control: string; describedBy: string | undefined }) => {
    const value = autosave.values[q.id];
    const linked = Array.isArray(value) ? value : [];
    const files = filesOf(q.id).filter((f) => linked.includes(f.id));
    const max = q.type === 'file' ? (q.maxFiles ?? 10) : 10;
    return (
      <EvidenceUpload
        token={token}
        questionId={q.id}
        files={files}
        locale={locale}
        control={{ id: ids.control, describedBy: ids.describedBy }}
        disabled={!editable}
        full={linked.length >= max}
        onUploaded={(file) => {
          addFile(file);
          onAnswer(q.id, [...linked, file.id]);
        }}
        onRemove={(file) => {
          const next = linked.filter((id) => id !== file.id);
          onAnswer(q.id, next.length ? next : undefined);
        }}
      />
    );
  };

  const before = (q: Question) => {
    const comment = data.reviewComments[q.id];
    return comment ? <ReviewComment organisation={data.organisation} text={comment} locale={locale} /> : null;
  };

  const after = (q: Question) => {
    const files = filesOf(q.id);
    const evidence =
      q.type !== 'file' && q.evidenceRequested && (editable || files.length > 0) ? (
        <EvidenceUpload
          token={token}
          questionId={q.id}
          files={files}
          locale={locale}
          label={w.attachEvidence}
          disabled={!editable}
          onUploaded={addFile}
        />
      ) : null;
    return (
      <>
        {evidence}
        {editable ? (
          <AnswerStatus
            question={q}
            state={autosave.stateOf(q.id)}
            mine={autosave.values[q.id]}
            locale={locale}
            definition={def}
            files={data.evidence}
            onRetry={() => autosave.retry(q.id)}
            onKeepMine={() => autosave.keepMine(q.id)}
            onTakeTheirs={() => autosave.takeTheirs(q.id)}
          />
        ) : null}
      </>
    );
  };

  const errors: Record<string, string> = {};
  for (const id of missing) errors[id] = w.needsAnswer;
  for (const q of def.sections.flatMap((s) => s.questions)) {
    const s = autosave.stateOf(q.id);
    if (s.kind === 'invalid') errors[q.id] = s.message;
  }

  const notice = (
    <>
      {editable ? null : (
        <div className="portal-done" tabIndex={-1} ref={done}>
          <Alert
            tone="success"
            title={
              data.status === 'accepted'
                ? w.acceptedTitle(data.organisation)
                : w.submittedOn(data.submittedAt ? formatMoment(data.submittedAt, locale) : null)
            }
          >
            {data.status === 'accepted' ? w.acceptedHelp : w.submittedHelp(data.organisation)}
          </Alert>
        </div>
      )}
      {editable && data.status === 'returned' ? (
        <ReviewSummary
          organisation={data.organisation}
          comments={data.reviewComments}
          definition={def}
          locale={locale}
        />
      ) : null}
    </>
  );

  return (
    <div className="portal-body" lang={locale}>
      <PortalIntro data={data} locale={locale} onLocale={onLocale} notice={notice} />
      {/* Once the questionnaire is sent, the tasks are what is left to do: they come first. */}
      {editable ? null : <PortalTasks token={token} locale={locale} />}
      <ProgressBar progress={progress} save={overall} editable={editable} locale={locale} />
      {isApiError(chooseLocale.error) ? (
        <Alert tone="warning">
          {w.languageNotSaved} {chooseLocale.error.message}
        </Alert>
      ) : null}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: listens for focus leaving a question (bubbled), adds no behaviour of its own */}
      <div className="portal-questions" onBlur={onBlur}>
        <QuestionnaireView
          definition={def}
          locale={locale}
          answers={autosave.values}
          onAnswer={onAnswer}
          errors={errors}
          disabled={!editable}
          showTitle={false}
          renderFiles={fileQuestion}
          renderBefore={before}
          renderAfter={after}
        />
      </div>
      {editable ? (
        <SubmitPanel
          organisation={data.organisation}
          problem={problem}
          busy={submit.isPending}
          onSubmit={() => void onSubmit()}
          definition={def}
          locale={locale}
        />
      ) : null}
      {editable ? <PortalTasks token={token} locale={locale} /> : null}
    </div>
  );
}
