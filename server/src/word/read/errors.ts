/** A Word file that cannot be read, with the message the officer sees (what it is, what to do). */
export class WordReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WordReadError';
  }
}

export const SAVE_AS_DOCX = '请在 Word 或 WPS 中打开，另存为“Word 文档（*.docx）”后再检查。';
