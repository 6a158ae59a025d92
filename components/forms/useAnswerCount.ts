import { useState } from "react";

/**
 * How many answers a server action has given: the key of a form's fields, so each answer
 * remounts them and they start again from what the server sent back.
 */
export function useAnswerCount<S>(state: S): number {
  const [answers, setAnswers] = useState({ state, count: 0 });
  if (answers.state !== state) {
    setAnswers({ state, count: answers.count + 1 });
    return answers.count + 1;
  }
  return answers.count;
}
