import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { findQuestion } from '#shared/domain/questionnaires/questions.js';
import { type PortalAnswer, PortalAnswerSchema } from '#shared/schemas/portal.js';
import {
  type AnswerMap,
  type AnswerValue,
  answerValueSchemaFor,
} from '#shared/schemas/questionnaire-answers.js';
import type { Question, TemplateDefinition } from '#shared/schemas/questionnaires.js';
import { isApiError } from '../../../lib/api-client.js';
import { describeError } from '../../../lib/form-errors.js';
import { savePortalAnswer, storeSavedAnswer } from '../api.js';

/** Where one answer stands between the supplier's screen and the server. */
export type SaveState =
  | { kind: 'idle' }
  /** Changed; saved once typing settles (or the field is left). */
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  /** Not a valid answer yet (e.g. a number out of range): kept on screen, not sent. */
  | { kind: 'invalid'; message: string }
  | { kind: 'failed'; message: string }
  /** Another tab saved a newer answer: the supplier chooses (`theirs` null: it was cleared there). */
  | { kind: 'conflict'; theirs: PortalAnswer | null };

export type OverallSaveState = 'idle' | 'saving' | 'saved' | 'failed' | 'conflict';

/** Typed answers wait for the person to pause; a click (choice, date, file) is saved at once. */
const delayFor = (q: Question | undefined) => (q?.type === 'text' || q?.type === 'number' ? 700 : 100);

const IDLE: SaveState = { kind: 'idle' };

/**
 * Autosave of the portal's answers, one question at a time. Each save carries the revision the answer was
 * last seen at; saves of one question never overlap (an edit made during a save is sent after it, with the
 * new revision). A 409 from the server (another tab saved meanwhile) stops that question's saving until the
 * supplier chooses: keep mine (re-save on the newer revision) or take theirs. Nothing is dropped silently.
 */
export function useAutosave({
  token,
  definition,
  answers,
}: {
  token: string;
  definition: TemplateDefinition;
  answers: readonly PortalAnswer[];
}) {
  const client = useQueryClient();
  // The answers on screen are the supplier's edits (UI state); the server's copy lives in the query cache.
  const [values, setValues] = useState<Record<string, AnswerValue | undefined>>(() =>
    Object.fromEntries(answers.map((a) => [a.questionId, a.value])),
  );
  const [states, setStates] = useState<Record<string, SaveState>>({});
  const valuesRef = useRef(values);
  const statesRef = useRef(states);
  const revisions = useRef(new Map(answers.map((a) => [a.questionId, a.revision])));
  const dirty = useRef(new Set<string>());
  const inflight = useRef(new Map<string, Promise<void>>());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  useEffect(
    () => () => {
      for (const t of timers.current.values()) clearTimeout(t);
    },
    [],
  );

  const setState = useCallback((questionId: string, state: SaveState) => {
    statesRef.current = { ...statesRef.current, [questionId]: state };
    setStates(statesRef.current);
  }, []);

  const setValue = useCallback((questionId: string, value: AnswerValue | undefined) => {
    valuesRef.current = { ...valuesRef.current, [questionId]: value };
    setValues(valuesRef.current);
  }, []);

  const save = useCallback(
    async (questionId: string): Promise<void> => {
      clearTimeout(timers.current.get(questionId));
      timers.current.delete(questionId);
      const running = inflight.current.get(questionId);
      if (running) {
        // One save per question at a time: the edit goes next, on the revision this one returns.
        await running;
        return save(questionId);
      }
      if (!dirty.current.has(questionId)) return;
      const kind = statesRef.current[questionId]?.kind;
      if (kind === 'conflict') return; // waits for the supplier's choice

      const value = valuesRef.current[questionId];
      const question = findQuestion(definition, questionId);
      if (value !== undefined && question) {
        const parsed = answerValueSchemaFor(question).safeParse(value);
        if (!parsed.success) {
          setState(questionId, {
            kind: 'invalid',
            message: parsed.error.issues[0]?.message ?? 'Not a valid answer',
          });
          return;
        }
      }
      dirty.current.delete(questionId);
      setState(questionId, { kind: 'saving' });
      const run = (async () => {
        try {
          const saved = await savePortalAnswer(
            token,
            questionId,
            value ?? null,
            revisions.current.get(questionId),
          );
          if (saved.answer) revisions.current.set(questionId, saved.answer.revision);
          else revisions.current.delete(questionId);
          storeSavedAnswer(client, token, questionId, saved.answer, saved.progress);
          if (!dirty.current.has(questionId)) setState(questionId, { kind: 'saved' });
        } catch (error) {
          dirty.current.add(questionId);
          if (isApiError(error) && error.status === 409) {
            const theirs = PortalAnswerSchema.safeParse(error.current);
            setState(questionId, { kind: 'conflict', theirs: theirs.success ? theirs.data : null });
          } else if (isApiError(error) && error.code === 'validation_failed') {
            setState(questionId, { kind: 'invalid', message: error.issues[0]?.message ?? error.message });
          } else {
            setState(questionId, { kind: 'failed', message: describeError(error) });
          }
        } finally {
          inflight.current.delete(questionId);
        }
      })();
      inflight.current.set(questionId, run);
      await run;
      // Edited while that save ran: send the newer answer too (unless the save failed: retry is manual).
      if (dirty.current.has(questionId) && statesRef.current[questionId]?.kind === 'pending') {
        await save(questionId);
      }
    },
    [client, definition, setState, token],
  );

  const change = useCallback(
    (questionId: string, value: AnswerValue | undefined) => {
      setValue(questionId, value);
      dirty.current.add(questionId);
      const kind = statesRef.current[questionId]?.kind;
      if (kind === 'conflict') return; // the choice is still open; the new text counts as "mine"
      setState(questionId, { kind: 'pending' });
      clearTimeout(timers.current.get(questionId));
      timers.current.set(
        questionId,
        setTimeout(() => void save(questionId), delayFor(findQuestion(definition, questionId))),
      );
    },
    [definition, save, setState, setValue],
  );

  /** Saves now what is waiting (when the person leaves a field, or before submitting). */
  const flush = useCallback(
    async (questionId?: string) => {
      const ids = questionId ? [questionId] : [...new Set([...dirty.current, ...inflight.current.keys()])];
      await Promise.all(
        ids.map((id) => {
          if (statesRef.current[id]?.kind === 'pending' || inflight.current.has(id)) return save(id);
          return undefined;
        }),
      );
    },
    [save],
  );

  const retry = useCallback(
    (questionId: string) => {
      dirty.current.add(questionId);
      setState(questionId, { kind: 'pending' });
      void save(questionId);
    },
    [save, setState],
  );

  /** Keep my answer: save it again on top of the newer one (its revision). */
  const keepMine = useCallback(
    (questionId: string) => {
      const state = statesRef.current[questionId];
      if (state?.kind !== 'conflict') return;
      if (state.theirs) revisions.current.set(questionId, state.theirs.revision);
      else revisions.current.delete(questionId);
      retry(questionId);
    },
    [retry],
  );

  /** Take the other answer: it is already saved, so it simply replaces mine on screen. */
  const takeTheirs = useCallback(
    (questionId: string) => {
      const state = statesRef.current[questionId];
      if (state?.kind !== 'conflict') return;
      const theirs = state.theirs;
      if (theirs) revisions.current.set(questionId, theirs.revision);
      else revisions.current.delete(questionId);
      dirty.current.delete(questionId);
      setValue(questionId, theirs?.value);
      storeSavedAnswer(client, token, questionId, theirs);
      setState(questionId, { kind: 'saved' });
    },
    [client, setState, setValue, token],
  );

  /**
   * The state of the answers that count: those of `visible` questions. A question hidden by a later answer
   * is ignored everywhere (server, scoring), so its unsaved or invalid answer must not block or alarm.
   */
  const overallFor = useCallback(
    (visible: ReadonlySet<string>): OverallSaveState => {
      const kinds = new Set(
        Object.entries(states)
          .filter(([id]) => visible.has(id))
          .map(([, s]) => s.kind),
      );
      if (kinds.has('conflict')) return 'conflict';
      if (kinds.has('failed') || kinds.has('invalid')) return 'failed';
      if (kinds.has('saving') || kinds.has('pending')) return 'saving';
      if (kinds.has('saved')) return 'saved';
      return 'idle';
    },
    [states],
  );

  /** Visible questions whose answer is not safely stored: what blocks a submit (besides missing answers). */
  const unsettled = useCallback(
    (visible: ReadonlySet<string>) =>
      Object.entries(statesRef.current)
        .filter(
          ([id, s]) =>
            visible.has(id) && (s.kind === 'failed' || s.kind === 'invalid' || s.kind === 'conflict'),
        )
        .map(([id]) => id),
    [],
  );

  const stateOf = useCallback((questionId: string): SaveState => states[questionId] ?? IDLE, [states]);

  return {
    values: values as AnswerMap,
    stateOf,
    overallFor,
    change,
    flush,
    retry,
    keepMine,
    takeTheirs,
    unsettled,
  };
}

export type Autosave = ReturnType<typeof useAutosave>;
