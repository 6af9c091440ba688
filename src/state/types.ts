// The store's full state type and the slice-creator helper (zustand "slices pattern").
import type { StateCreator } from 'zustand';
import type { FilesSlice } from './files-slice';
import type { GraphSlice } from './graph-slice';
import type { PlaybackSlice } from './playback-slice';
import type { SimSlice } from './sim-slice';
import type { TerminalSlice } from './terminal-slice';
import type { ViewSlice } from './view-slice';

export type AppState = SimSlice & FilesSlice & TerminalSlice & GraphSlice & PlaybackSlice & ViewSlice;

export type Slice<T> = StateCreator<AppState, [], [], T>;
