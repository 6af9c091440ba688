// The editor's view of the virtual file system. The VFS inside the core is the one source of truth
// (the terminal's `cat` and `kubectl apply -f` read it); `files` mirrors it as a new Map per change.
import type { OutputChunk } from './core-types';
import type { Slice } from './types';

export interface ApplyResult {
  path: string;
  /** The file text that was applied (markers are computed against it). */
  text: string;
  output: OutputChunk[];
  exitCode: number;
  /** Increments per apply so the UI can tell two identical results apart. */
  seq: number;
}

export interface FilesSlice {
  files: ReadonlyMap<string, string>;
  activeFile: string;
  applyResult: ApplyResult | null;

  setActiveFile(path: string): void;
  setFileText(path: string, text: string): void;
  /** Returns an error key (i18n) or null. */
  createFile(path: string, text?: string): FileError | null;
  renameFile(from: string, to: string): FileError | null;
  deleteFile(path: string): void;
  /** Apply the active file exactly as `kubectl apply -f <file>` (the same kubectl code path). */
  applyActiveFile(): void;
  /** Re-read the VFS after a terminal command (it may have written files). */
  syncFilesFromVfs(): void;
}

export type FileError = 'fileErrorName' | 'fileErrorExists';

/** Plain relative paths only, so `kubectl apply -f <path>` needs no quoting. */
const PATH_RE = /^(?!\/)(?!.*\.\.)[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

export function validPath(path: string): boolean {
  return PATH_RE.test(path);
}

// `files`/`activeFile` start empty here; store.ts fills them from the core the sim slice created.
export const createFilesSlice: Slice<FilesSlice> = (set, get) => {
  return {
    files: new Map(),
    activeFile: '',
    applyResult: null,

    setActiveFile(path) {
      if (get().files.has(path)) set({ activeFile: path });
    },

    setFileText(path, text) {
      const s = get();
      if (s.files.get(path) === text) return;
      s.core.files.write(path, text);
      const files = new Map(s.files);
      files.set(path, text);
      set({ files });
    },

    createFile(path, text = '') {
      const s = get();
      if (!validPath(path)) return 'fileErrorName';
      if (s.files.has(path)) return 'fileErrorExists';
      s.core.files.write(path, text);
      const files = new Map(s.files);
      files.set(path, text);
      set({ files: new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1))), activeFile: path });
      return null;
    },

    renameFile(from, to) {
      const s = get();
      if (from === to) return null;
      if (!validPath(to)) return 'fileErrorName';
      if (s.files.has(to)) return 'fileErrorExists';
      const text = s.files.get(from);
      if (text === undefined) return null;
      s.core.files.write(to, text);
      s.core.files.remove(from);
      const files = new Map(s.files);
      files.delete(from);
      files.set(to, text);
      set({
        files: new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1))),
        activeFile: s.activeFile === from ? to : s.activeFile,
      });
      return null;
    },

    deleteFile(path) {
      const s = get();
      if (!s.files.has(path)) return;
      s.core.files.remove(path);
      const files = new Map(s.files);
      files.delete(path);
      set({ files, activeFile: s.activeFile === path ? ([...files.keys()][0] ?? '') : s.activeFile });
    },

    applyActiveFile() {
      const s = get();
      const path = s.activeFile;
      const text = s.files.get(path);
      if (text === undefined) return;
      const result = s.runCommand(`kubectl apply -f ${path}`, 'editor');
      set((st) => ({
        applyResult: {
          path,
          text,
          output: result.output,
          exitCode: result.exitCode,
          seq: (st.applyResult?.seq ?? 0) + 1,
        },
      }));
    },

    syncFilesFromVfs() {
      const s = get();
      const next = new Map<string, string>();
      for (const p of s.core.files.list()) next.set(p, s.core.files.read(p) ?? '');
      let same = next.size === s.files.size;
      if (same) for (const [p, t] of next) if (s.files.get(p) !== t) same = false;
      if (same) return;
      set({ files: next, activeFile: next.has(s.activeFile) ? s.activeFile : ([...next.keys()][0] ?? '') });
    },
  };
};
