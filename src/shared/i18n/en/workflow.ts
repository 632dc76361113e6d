/**
 * Workflow Builder steps: why a step failed, said to the workflow's author (who reads it in the
 * workflow's activity, as plain text: no mentions, no channel links), and the owner's notice. Fields are
 * named by their titles in slack-manifest.yml, which is what Workflow Builder shows.
 */
export const workflow = {
  promise_for_owner: ':handshake: A workflow logged a promise for you',
  incident_for_owner: ':rotating_light: A workflow opened an incident and made you its owner',
  client_required: 'The step has no client. Fill in Client with the client’s name.',
  client_too_long: (max: number) => `The client’s name can be at most ${max} characters.`,
  what_required: 'The step has no promise. Fill in What was promised.',
  what_too_long: (max: number) => `What was promised can be at most ${max} characters.`,
  owner_required: 'The step has no owner. Choose a person in Owner.',
  owner_not_person: 'The owner must be a teammate, not a bot or a deactivated account.',
  due_required: 'The step has no due time. Fill in Due with a date and time.',
  due_past: (due: string) => `The due time (${due}) has already passed. Give a time in the future.`,
  source_link_invalid: 'Source link must be a link that starts with https://.',
  summary_required: 'The step has no summary. Fill in Summary with what is wrong.',
  summary_too_long: (max: number) => `The summary can be at most ${max} characters.`,
  severity_unknown: (value: string) => `I don’t know the severity “${value}”. Use sev1, sev2 or sev3.`,
  incident_owner_required: 'Choose an owner, or set the team’s leads first (/kept leads @ana): without an owner, the first lead owns the incident.',
  no_incidents_channel: 'Set the incidents channel first (/kept channel incidents #incidents): that is where I post incidents.',
  cannot_post_incident: 'I can’t post in the incidents channel. Invite me there (/invite @Kept) or choose another one with /kept channel incidents.',
  featured_required: 'Choose at least one teammate in Featured.',
  featured_too_many: (max: number) => `A story can feature at most ${max} people.`,
  featured_not_people: 'A story features teammates, not bots or deactivated accounts.',
  story_what_required: 'The step has no story. Fill in What happened.',
  story_what_too_long: (max: number) => `What happened can be at most ${max} characters.`,
  why_too_long: (max: number) => `Why it mattered can be at most ${max} characters.`,
  no_recap_channel: 'Set the recap channel first (/kept channel recap #wins): that is where I post stories.',
};
