/** /story: sharing stories of standout service, and upvoting them. */
export const story = {
  help_title: '*Share a story of standout service*: who went the extra mile, for which client (optional, before a colon), and what happened.',
  examples: [
    '`/story @ana stayed late to walk ACME through the migration`',
    '`/story @ana @ben Globex: turned an angry call into a renewal`',
    '`/story` → a form (who, client, what happened, why it mattered)',
  ],
  problem_who: 'Name at least one teammate with @, like `/story @ana stayed late to help ACME`.',
  problem_what: 'Say what happened after the names.',
  problem_bot: 'A story is about teammates, not bots.',
  finish_in_form: 'Write it in a form',
  modal_title: 'Share a story',
  modal_submit: 'Share',
  modal_close: 'Close',
  modal_who_label: 'Who went the extra mile?',
  modal_client_label: 'Client (optional)',
  modal_client_placeholder: 'ACME',
  modal_what_label: 'What happened?',
  modal_what_placeholder: 'Ana stayed late to walk ACME through the migration, step by step.',
  modal_why_label: 'Why did it matter? (optional)',
  modal_why_placeholder: 'They went live on time, and the client said so at the steering meeting.',
  error_who_required: 'Pick at least one teammate.',
  error_who_too_many: (max: number) => `Pick at most ${max} people.`,
  error_who_bot: 'Pick teammates, not bots.',
  error_what_required: 'Tell what happened.',
  error_too_long: (max: number) => `Keep it to ${max} characters.`,
  message_title: (author: string, featured: string) => `:star2: ${author} shared a story about ${featured}`,
  field_client: 'Client',
  why_label: 'Why it mattered',
  source_promise: (title: string) => `:handshake: From a kept promise: ${title}`,
  source_incident: (title: string) => `:rotating_light: From a resolved incident: ${title}`,
  source_message: (link: string) => `:link: <${link}|The original message>`,
  button_upvote: (count: number) => (count > 0 ? `:clap: Upvote · ${count}` : ':clap: Upvote'),
  shared_reply: (channel: string) => `:star2: Thank you for telling it! Shared in ${channel} – it’ll be in the weekly recap.`,
  shared_not_posted: (channel: string) =>
    `:star2: Saved for the weekly recap, but I couldn’t post it in ${channel}. Invite me there (\`/invite @Kept\`) or ask an admin to set a recap channel (\`/kept channel recap #wins\`).`,
  this_conversation: 'this conversation',
  upvote_own: 'It’s your story – upvotes come from teammates. Thank you for sharing it!',
  upvote_already: 'Your upvote on this story already counts.',
  /** "Ana, Ben and Carl". */
  list: (items: string[]) => new Intl.ListFormat('en', { type: 'conjunction' }).format(items),
};

export const storyErrors = {
  story_not_found: 'I couldn’t find that story. It may have been removed.',
  nomination_not_found: 'I couldn’t find what you nominated. It may have been removed.',
};
