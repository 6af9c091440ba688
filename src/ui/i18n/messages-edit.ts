// Messages of `kubectl edit`'s editor tab, English and Korean. They live in their own catalogue,
// imported only by the editor and terminal chunks, so the page's first load does not carry them
// (the boot bundle has no room: see src/ui/i18n/index.ts for the main catalogue).
import { useStore } from '../../state/store';
import type { Lang } from '../../state/view-slice';

const en = {
  editTab: 'kubectl edit: {name}',
  editTabHint:
    'kubectl edit is waiting for this file. Change it, then Finish edit (Ctrl+Enter); Cancel edit leaves it unchanged.',
  finishEdit: 'Finish edit',
  cancelEdit: 'Cancel edit',
  editorEditLabel: 'kubectl edit file {name}',
  terminalEditing: 'Editing {name} in the editor panel: Finish edit or Cancel edit there, or Ctrl+C here.',
};

export type EditMessageKey = keyof typeof en;

const ko: Record<EditMessageKey, string> = {
  editTab: 'kubectl edit: {name}',
  editTabHint:
    'kubectl edit가 이 파일을 기다리고 있습니다. 고친 뒤 편집 완료(Ctrl+Enter)를 누르세요. 편집 취소는 바꾸지 않은 채로 끝냅니다.',
  finishEdit: '편집 완료',
  cancelEdit: '편집 취소',
  editorEditLabel: 'kubectl edit 파일 {name}',
  terminalEditing:
    '편집기 패널에서 {name}을(를) 편집 중입니다. 그곳에서 편집 완료나 편집 취소를 누르거나, 여기서 Ctrl+C를 누르세요.',
};

export const EDIT_MESSAGES: Record<Lang, Record<EditMessageKey, string>> = { en, ko };

export function translateEdit(lang: Lang, key: EditMessageKey, vars?: Record<string, string>): string {
  const text = EDIT_MESSAGES[lang][key];
  return vars ? text.replace(/\{(\w+)\}/g, (m, n: string) => vars[n] ?? m) : text;
}

export function useEditT(): (key: EditMessageKey, vars?: Record<string, string>) => string {
  const lang = useStore((s) => s.lang);
  return (key, vars) => translateEdit(lang, key, vars);
}
