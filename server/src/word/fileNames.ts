/** File names the Word reader takes (the CLI and the editor use the same list); no reader code, so a file walk can use it cheaply. */
export const WORD_EXTENSIONS = ['.docx', '.doc', '.docm', '.wps'];

/** A Word file the reader takes, not Word's own `~$` lock file. */
export const isWordFileName = (name: string) => WORD_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext)) && !/(^|[\\/])~\$/.test(name);
