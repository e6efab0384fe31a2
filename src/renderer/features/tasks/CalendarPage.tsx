// The calendar: a month (antd Calendar) or a week, with tasks by due day, lead follow-ups,
// birthdays, greeting holidays and expected closes. Clicking a day shows it and can add a task.
import { useMemo, useState } from 'react';
import { Button, Calendar, Segmented, Space, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CalendarEntry } from '../../../shared/tasks';
import { call } from '../../api';
import { errorText } from '../../components/errors';
import { useQuery } from '../../components/useQuery';
import { entryColor, entryText } from './calendarEntries';
import { DayDrawer } from './DayDrawer';
import { ReminderSettingsButton } from './ReminderSettings';
import { useTasksUi } from './store';
import './tasks.css';

type Mode = 'month' | 'week';
const MAX_IN_CELL = 3;

/** The days a view shows: the month's grid (with a margin), or Monday to Sunday. */
function viewRange(mode: Mode, anchor: Dayjs): [Dayjs, Dayjs] {
  if (mode === 'week') {
    const monday = anchor.subtract((anchor.day() + 6) % 7, 'day').startOf('day');
    return [monday, monday.add(6, 'day')];
  }
  return [anchor.startOf('month').subtract(7, 'day'), anchor.endOf('month').add(14, 'day')];
}

function byDay(entries: CalendarEntry[]): Map<string, CalendarEntry[]> {
  const map = new Map<string, CalendarEntry[]>();
  for (const e of entries) map.set(e.date, [...(map.get(e.date) ?? []), e]);
  return map;
}

function DayEntries({ entries }: { entries: CalendarEntry[] }) {
  const { t } = useTranslation();
  return (
    <ul className="cal-entries">
      {entries.slice(0, MAX_IN_CELL).map((e) => (
        <li key={`${e.kind}-${e.refId}`} data-testid="cal-entry" style={{ textDecoration: e.done ? 'line-through' : undefined }}>
          <span className="cal-dot" style={{ background: entryColor(e) }} />
          {entryText(t, e)}
        </li>
      ))}
      {entries.length > MAX_IN_CELL && <li>{t('tasks.calendar.more', { n: entries.length - MAX_IN_CELL })}</li>}
    </ul>
  );
}

function WeekView({ days, entries, onPick }: { days: Dayjs[]; entries: Map<string, CalendarEntry[]>; onPick(day: string): void }) {
  const { t } = useTranslation();
  const today = dayjs().format('YYYY-MM-DD');
  return (
    <div className="cal-week" data-testid="calendar-week">
      {days.map((d) => {
        const key = d.format('YYYY-MM-DD');
        return (
          <div key={key} className={`cal-week-day${key === today ? ' is-today' : ''}`} onClick={() => onPick(key)} data-testid="cal-week-day">
            <h4>{d.format('ddd MM-DD')}</h4>
            <ul className="cal-entries">
              {(entries.get(key) ?? []).map((e) => (
                <li key={`${e.kind}-${e.refId}`} data-testid="cal-entry" style={{ textDecoration: e.done ? 'line-through' : undefined }}>
                  <span className="cal-dot" style={{ background: entryColor(e) }} />
                  {entryText(t, e)}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </div>
  );
}

export function CalendarPage() {
  const { t } = useTranslation();
  const version = useTasksUi((s) => s.version);
  const [mode, setMode] = useState<Mode>('month');
  const [anchor, setAnchor] = useState(() => dayjs());
  const [picked, setPicked] = useState<string | null>(null);
  const [from, to] = viewRange(mode, anchor);
  const range = { from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') };
  const { data, error } = useQuery(`${range.from}|${range.to}|${version}`, () => call('calendar.range', range));
  const entries = useMemo(() => byDay(data ?? []), [data]);
  const weekDays = Array.from({ length: 7 }, (_, i) => from.add(i, 'day'));
  return (
    <div data-testid="calendar-page">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('tasks.calendar.title')}
        </Typography.Title>
        <Space wrap>
          {mode === 'week' && (
            <Space.Compact>
              <Button icon={<LeftOutlined />} aria-label={t('tasks.calendar.prev')} onClick={() => setAnchor(anchor.subtract(1, 'week'))} />
              <Button onClick={() => setAnchor(dayjs())}>{t('tasks.calendar.today')}</Button>
              <Button icon={<RightOutlined />} aria-label={t('tasks.calendar.next')} onClick={() => setAnchor(anchor.add(1, 'week'))} />
            </Space.Compact>
          )}
          <Segmented value={mode} onChange={(v) => setMode(v as Mode)} options={(['month', 'week'] as const).map((m) => ({ value: m, label: t(`tasks.calendar.${m}`) }))} data-testid="calendar-mode" />
          <ReminderSettingsButton />
        </Space>
      </Space>
      {error ? <Typography.Text type="danger">{errorText(t, error)}</Typography.Text> : null}
      {mode === 'month' ? (
        <div data-testid="calendar-month">
          <Calendar
          value={anchor}
          onPanelChange={(d) => setAnchor(d)}
          onSelect={(d, info) => {
            setAnchor(d);
            if (info.source === 'date') setPicked(d.format('YYYY-MM-DD'));
          }}
          cellRender={(d, info) => (info.type === 'date' ? <DayEntries entries={entries.get(d.format('YYYY-MM-DD')) ?? []} /> : info.originNode)}
          />
        </div>
      ) : (
        <>
          <Typography.Text type="secondary" data-testid="calendar-week-range">
            {from.format('YYYY-MM-DD')} ~ {to.format('YYYY-MM-DD')}
          </Typography.Text>
          <WeekView days={weekDays} entries={entries} onPick={setPicked} />
        </>
      )}
      <DayDrawer day={picked} entries={picked ? (entries.get(picked) ?? []) : []} onClose={() => setPicked(null)} />
    </div>
  );
}
