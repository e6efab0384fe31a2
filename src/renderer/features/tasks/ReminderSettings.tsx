// This device's reminder settings: birthdays on/off, which holidays to greet on, the time of day,
// and desktop notifications (permission asked from this click, never at load).
import { useState } from 'react';
import { App, Button, Checkbox, Form, Modal, Switch, TimePicker, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { HOLIDAY_IDS, type HolidayId } from '../../../shared/tasks';
import { errorText } from '../../components/errors';
import { desktopPermission, requestDesktopPermission } from './desktop';
import { useReminderSettings } from './useReminderSettings';

interface Values {
  birthdays: boolean;
  holidays: HolidayId[];
  time: Dayjs;
}

function DesktopSwitch() {
  const { t } = useTranslation();
  const [permission, setPermission] = useState(desktopPermission());
  if (permission === 'unsupported') return <Typography.Text type="secondary">{t('tasks.reminders.desktopUnsupported')}</Typography.Text>;
  if (permission === 'denied') return <Typography.Text type="secondary">{t('tasks.reminders.desktopDenied')}</Typography.Text>;
  if (permission === 'granted') return <Typography.Text type="success">{t('tasks.reminders.desktopOn')}</Typography.Text>;
  return (
    <Button size="small" onClick={() => void requestDesktopPermission().then(setPermission)} data-testid="desktop-permission">
      {t('tasks.reminders.desktopOff')}
    </Button>
  );
}

export function ReminderSettingsButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useReminderSettings();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const show = async () => {
    await settings.load().catch(() => undefined);
    const s = useReminderSettings.getState();
    form.setFieldsValue({ birthdays: s.birthdays, holidays: s.holidays, time: dayjs(`2000-01-01T${s.timeOfDay}`) });
    setOpen(true);
  };
  const save = async () => {
    const v = await form.validateFields();
    try {
      await settings.save({ birthdays: v.birthdays, holidays: v.holidays, timeOfDay: v.time.format('HH:mm') });
      message.success(t('common.saved'));
      setOpen(false);
    } catch (e) {
      message.error(errorText(t, e));
    }
  };
  return (
    <>
      <Button icon={<BellOutlined />} onClick={() => void show()} data-testid="reminder-settings">
        {t('tasks.reminders.settings')}
      </Button>
      <Modal open={open} title={t('tasks.reminders.settings')} onOk={() => void save()} onCancel={() => setOpen(false)} okText={t('common.save')} cancelText={t('common.cancel')} destroyOnHidden>
        <Typography.Paragraph type="secondary">{t('tasks.reminders.settingsHint')}</Typography.Paragraph>
        <Form form={form} layout="vertical">
          <Form.Item name="birthdays" label={t('tasks.reminders.birthdays')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="holidays" label={t('tasks.reminders.holidays')}>
            <Checkbox.Group options={HOLIDAY_IDS.map((id) => ({ value: id, label: t(`tasks.holidays.${id}`) }))} />
          </Form.Item>
          <Form.Item name="time" label={t('tasks.reminders.timeOfDay')} extra={t('tasks.reminders.timeOfDayHint')} rules={[{ required: true, message: t('validation.required') }]}>
            <TimePicker format="HH:mm" minuteStep={5} allowClear={false} />
          </Form.Item>
          <Form.Item label={t('tasks.reminders.desktop')}>
            <DesktopSwitch />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
