// Follow-up questions for the answer eval: each needs the user's earlier question(s) to be understood.
export interface FollowUpQuestion {
  /** The user's earlier messages in the conversation, oldest first. */
  earlier: string[];
  /** The follow-up, answered from the documents. */
  question: string;
  /** The document the answer comes from; absent when the documents hold no answer. */
  documentId?: string;
  /** Any one of these phrases must appear in the answer; null: the honest refusal is expected. */
  expect: string[] | null;
}
