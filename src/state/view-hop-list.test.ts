import { beforeEach, describe, expect, it } from 'vitest';
import { snapshotForSave } from './persist';
import { useStore } from './store';
import { readView, restoreView, STORAGE_VERSION } from './view-restore';
import { DEFAULT_VIEW } from './view-slice';

const storageWith = (raw: string | null) => ({ getItem: () => raw }) as unknown as Storage;

describe('the fold of the graph\'s "Last packet" list in the view settings', () => {
  beforeEach(() => useStore.setState({ ...DEFAULT_VIEW }));

  it('follows the traffic until the student folds or unfolds it', () => {
    expect(useStore.getState().hopListOpen).toBeNull();
    useStore.getState().setHopListOpen(false);
    expect(useStore.getState().hopListOpen).toBe(false);
    useStore.getState().setHopListOpen(true);
    expect(useStore.getState().hopListOpen).toBe(true);
  });

  it("the student's choice is saved and restored before the first paint", () => {
    useStore.getState().setHopListOpen(false);
    const view = snapshotForSave().view;
    expect(view.hopListOpen).toBe(false);
    useStore.setState({ ...DEFAULT_VIEW });
    restoreView(storageWith(JSON.stringify({ version: STORAGE_VERSION, view })));
    expect(useStore.getState().hopListOpen).toBe(false);
  });

  it('hostile or missing values leave it following the traffic, and the rest of the view loads', () => {
    for (const hopListOpen of ['true', 1, 0, {}, [], null, undefined])
      expect(readView({ largeText: true, hopListOpen })).toMatchObject({
        largeText: true,
        hopListOpen: null,
      });
    useStore.getState().setHopListOpen(true);
    restoreView(
      storageWith(JSON.stringify({ version: STORAGE_VERSION, view: { hopListOpen: 'open', lang: 'ko' } })),
    );
    expect(useStore.getState().hopListOpen).toBeNull();
    expect(useStore.getState().lang).toBe('ko');
  });
});
