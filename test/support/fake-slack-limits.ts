// Block Kit limits the fake enforces the way Slack does, so a test cannot pass with a
// payload the real API would refuse. Message methods answer `invalid_blocks`; the views.*
// methods answer `invalid_arguments` (Slack reports view problems that way), both with
// `response_metadata.messages` naming the offending JSON pointer like Slack does.

export interface LimitViolation {
  error: 'invalid_blocks' | 'invalid_arguments';
  messages: string[];
}

const MESSAGE_METHODS = new Set(['chat.postMessage', 'chat.postEphemeral', 'chat.update', 'chat.scheduleMessage']);
const VIEW_METHODS = new Set(['views.open', 'views.update', 'views.push', 'views.publish']);

const MAX_MESSAGE_BLOCKS = 50;
const MAX_VIEW_BLOCKS = 100;
const MAX_SECTION_TEXT = 3000;
const MAX_SECTION_FIELDS = 10;
const MAX_SECTION_FIELD_TEXT = 2000;
const MAX_HEADER_TEXT = 150;
const MAX_MODAL_TITLE = 24;
const MAX_MODAL_BUTTON_TEXT = 24;
const MAX_PRIVATE_METADATA = 3000;
const MAX_ACTIONS_ELEMENTS = 25;
const MAX_BUTTON_TEXT = 75;
const MAX_BUTTON_VALUE = 2000;
const MAX_ID_LENGTH = 255;

/** Returns the first set of problems Slack would report for this call, or undefined if it is acceptable. */
export function checkBlockKitLimits(method: string, args: Record<string, any>): LimitViolation | undefined {
  if (MESSAGE_METHODS.has(method)) {
    const blocks = args.blocks;
    if (blocks === undefined) return undefined;
    const messages = checkBlocks(blocks, MAX_MESSAGE_BLOCKS, '/blocks');
    return messages.length > 0 ? { error: 'invalid_blocks', messages } : undefined;
  }
  if (VIEW_METHODS.has(method)) {
    const view = args.view;
    if (view === undefined || view === null || typeof view !== 'object') {
      return { error: 'invalid_arguments', messages: ['[ERROR] missing required field: view'] };
    }
    const messages = [...checkView(view), ...checkBlocks(view.blocks ?? [], MAX_VIEW_BLOCKS, '/view/blocks')];
    return messages.length > 0 ? { error: 'invalid_arguments', messages } : undefined;
  }
  return undefined;
}

function checkView(view: Record<string, any>): string[] {
  const problems: string[] = [];
  if (view.type === 'modal') {
    for (const key of ['title', 'submit', 'close'] as const) {
      const limit = key === 'title' ? MAX_MODAL_TITLE : MAX_MODAL_BUTTON_TEXT;
      const text = view[key]?.text;
      if (key === 'title' && typeof text !== 'string') problems.push(err('missing required field: title', '/view/title'));
      if (typeof text === 'string' && text.length > limit) {
        problems.push(err(`must be less than ${limit + 1} characters`, `/view/${key}/text`));
      }
    }
  }
  if (typeof view.private_metadata === 'string' && view.private_metadata.length > MAX_PRIVATE_METADATA) {
    problems.push(err(`must be less than ${MAX_PRIVATE_METADATA + 1} characters`, '/view/private_metadata'));
  }
  if (typeof view.callback_id === 'string' && view.callback_id.length > MAX_ID_LENGTH) {
    problems.push(err(`must be less than ${MAX_ID_LENGTH + 1} characters`, '/view/callback_id'));
  }
  return problems;
}

function checkBlocks(blocks: unknown, maxBlocks: number, pointer: string): string[] {
  if (!Array.isArray(blocks)) return [err('must be an array', pointer)];
  const problems: string[] = [];
  if (blocks.length > maxBlocks) problems.push(err(`no more than ${maxBlocks} items allowed`, pointer));
  blocks.forEach((block: any, i) => {
    const at = `${pointer}/${i}`;
    if (block === null || typeof block !== 'object' || typeof block.type !== 'string') {
      problems.push(err('missing required field: type', at));
      return;
    }
    if (typeof block.block_id === 'string' && block.block_id.length > MAX_ID_LENGTH) {
      problems.push(err(`must be less than ${MAX_ID_LENGTH + 1} characters`, `${at}/block_id`));
    }
    if (block.type === 'section') problems.push(...checkSection(block, at));
    if (block.type === 'header') {
      const text = block.text?.text;
      if (typeof text === 'string' && text.length > MAX_HEADER_TEXT) {
        problems.push(err(`must be less than ${MAX_HEADER_TEXT + 1} characters`, `${at}/text/text`));
      }
    }
    if (block.type === 'actions') {
      const elements = Array.isArray(block.elements) ? block.elements : [];
      if (elements.length > MAX_ACTIONS_ELEMENTS) {
        problems.push(err(`no more than ${MAX_ACTIONS_ELEMENTS} items allowed`, `${at}/elements`));
      }
      for (const [j, el] of elements.entries()) problems.push(...checkElement(el, `${at}/elements/${j}`));
    }
  });
  return problems;
}

function checkSection(block: Record<string, any>, at: string): string[] {
  const problems: string[] = [];
  const text = block.text?.text;
  if (typeof text === 'string' && text.length > MAX_SECTION_TEXT) {
    problems.push(err(`must be less than ${MAX_SECTION_TEXT + 1} characters`, `${at}/text/text`));
  }
  if (block.text === undefined && block.fields === undefined) {
    problems.push(err('must provide either text or fields', at));
  }
  if (Array.isArray(block.fields)) {
    if (block.fields.length > MAX_SECTION_FIELDS) {
      problems.push(err(`no more than ${MAX_SECTION_FIELDS} items allowed`, `${at}/fields`));
    }
    block.fields.forEach((f: any, j: number) => {
      if (typeof f?.text === 'string' && f.text.length > MAX_SECTION_FIELD_TEXT) {
        problems.push(err(`must be less than ${MAX_SECTION_FIELD_TEXT + 1} characters`, `${at}/fields/${j}/text`));
      }
    });
  }
  if (block.accessory !== undefined) problems.push(...checkElement(block.accessory, `${at}/accessory`));
  return problems;
}

function checkElement(el: any, at: string): string[] {
  if (el === null || typeof el !== 'object') return [err('must be an object', at)];
  const problems: string[] = [];
  if (typeof el.action_id === 'string' && el.action_id.length > MAX_ID_LENGTH) {
    problems.push(err(`must be less than ${MAX_ID_LENGTH + 1} characters`, `${at}/action_id`));
  }
  if (el.type === 'button') {
    const text = el.text?.text;
    if (typeof text === 'string' && text.length > MAX_BUTTON_TEXT) {
      problems.push(err(`must be less than ${MAX_BUTTON_TEXT + 1} characters`, `${at}/text/text`));
    }
    if (typeof el.value === 'string' && el.value.length > MAX_BUTTON_VALUE) {
      problems.push(err(`must be less than ${MAX_BUTTON_VALUE + 1} characters`, `${at}/value`));
    }
  }
  return problems;
}

function err(message: string, pointer: string): string {
  return `[ERROR] ${message} [json-pointer:${pointer}]`;
}
