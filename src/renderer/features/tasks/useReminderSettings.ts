// This device's reminder settings, loaded once and shared (the form needs the time of day).
import { create } from 'zustand';
import type { ReminderSettings } from '../../../shared/tasks';
import { call } from '../../api';

interface SettingsState extends ReminderSettings {
  loaded: boolean;
  load(): Promise<void>;
  save(next: ReminderSettings): Promise<void>;
}

export const useReminderSettings = create<SettingsState>((set, get) => ({
  birthdays: true,
  holidays: [],
  timeOfDay: '09:00',
  loaded: false,
  load: async () => {
    if (get().loaded) return;
    set({ ...(await call('reminders.settings', {})), loaded: true });
  },
  save: async (next) => set({ ...(await call('reminders.saveSettings', next)), loaded: true }),
}));
