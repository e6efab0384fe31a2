// The mapping screen: each column of the file with its header and sample values, where it goes
// (suggested from the headers), the encoding / delimiter / sheet as read (changing one reads the
// file again), and named mappings to apply, save and delete.
import { useState } from 'react';
import { App, Button, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { CustomField } from '../../../shared/custom-fields';
import { applySaved, MULTI_TARGETS, type ColumnMapping, type InspectResult, type IoEntity, type SavedMapping } from '../../../shared/io';
import { call } from '../../api';
import { errorText } from '../../components/errors';
import { useQuery } from '../../components/useQuery';
import { IGNORE, targetLabel } from '../../../shared/io-labels';
import { DELIMITERS, ENCODINGS, delimiterLabel, encodingLabel, mappingLabel, previewText, targetOptions } from './labels';

export interface ReadOptions {
  encoding?: string;
  delimiter?: string;
  sheet?: string;
}

interface Props {
  entity: IoEntity;
  inspect: InspectResult;
  mapping: ColumnMapping;
  read: ReadOptions;
  custom: CustomField[];
  loading: boolean;
  onMapping(mapping: ColumnMapping): void;
  onRead(read: ReadOptions): void;
}

interface ColumnRow {
  index: number;
  header: string;
  target: string;
  samples: string[];
}

/** Sample values of a column: what the first preview rows hold for its target. */
function samplesOf(t: TFunction, inspect: InspectResult, target: string): string[] {
  if (target === IGNORE) return [];
  const seen = new Set<string>();
  for (const row of inspect.preview) {
    const text = previewText(t, row.values, target);
    if (text) seen.add(text);
    if (seen.size >= 3) break;
  }
  return [...seen];
}

export function MappingStep({ entity, inspect, mapping, read, custom, loading, onMapping, onRead }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { info } = inspect;
  const presets = useQuery(`mappings:${entity}`, () => call('io.mappings', { entity }));
  const [saveName, setSaveName] = useState('');
  /** A saved mapping of the name typed exists: Save asks before replacing it. */
  const [confirmReplace, setConfirmReplace] = useState(false);
  const options = targetOptions(t, entity, custom);
  const rows: ColumnRow[] = info.headers.map((header, index) => {
    const target = mapping[String(index)] ?? IGNORE;
    return { index, header, target, samples: samplesOf(t, inspect, target) };
  });

  const apply = (preset: SavedMapping) => {
    onMapping(applySaved(preset, info.headers, mapping));
    message.success(t('io.mapping.applied', { name: mappingLabel(t, preset) }));
  };
  /** One column to `target`: a field that takes one column is taken from the column that had it. */
  const setTarget = (index: number, target: string) => {
    const next = { ...mapping };
    const moved: string[] = [];
    if (target !== IGNORE && !MULTI_TARGETS.has(target)) {
      for (const [k, v] of Object.entries(next)) {
        if (v !== target || k === String(index)) continue;
        delete next[k];
        moved.push(info.headers[Number(k)] || String(Number(k) + 1));
      }
    }
    if (target === IGNORE) delete next[String(index)];
    else next[String(index)] = target;
    onMapping(next);
    if (moved.length) message.info(t('io.mapping.moved', { field: targetLabel(t, entity, target, custom), columns: moved.join(t('io.mapping.listSeparator')) }));
  };
  const name = saveName.trim();
  const lower = name.toLowerCase();
  // A built-in preset's name (stored or shown) is not taken: `kehu import --map` would find the preset.
  const builtinClash = (presets.data ?? []).find((p) => p.builtin && (p.name.toLowerCase() === lower || mappingLabel(t, p).toLowerCase() === lower));
  const existing = (presets.data ?? []).find((p) => !p.builtin && p.name === name);
  const save = async () => {
    setConfirmReplace(false);
    if (!name) return;
    try {
      const columns: Record<string, string> = {};
      rows.forEach((r) => (columns[r.header] = r.target));
      await call('io.saveMapping', { name, entity, columns });
      message.success(t('io.mapping.saved', { name }));
      setSaveName('');
      presets.reload();
    } catch (e) {
      message.error(errorText(t, e));
    }
  };
  const requestSave = () => {
    if (!name) return;
    if (builtinClash) message.error(t('io.mapping.builtinName', { name: mappingLabel(t, builtinClash) }));
    else if (existing) setConfirmReplace(true);
    else void save();
  };
  const remove = async (preset: SavedMapping) => {
    try {
      await call('io.deleteMapping', { id: preset.id });
      message.success(t('io.mapping.deleted', { name: preset.name }));
      presets.reload();
    } catch (e) {
      message.error(errorText(t, e));
    }
  };

  return (
    <div className="io-mapping" data-testid="import-mapping">
      <Space wrap size={[16, 8]} className="io-read-options">
        <Typography.Text type="secondary" data-testid="import-detected">
          {t('io.mapping.detected', {
            format: t(`io.formats.${info.format}`),
            encoding: info.encoding ? encodingLabel(t, info.encoding) : '—',
          })}
        </Typography.Text>
        {info.format === 'csv' && (
          <>
            <Space size={4}>
              <span>{t('io.mapping.encoding')}</span>
              <Select
                aria-label={t('io.mapping.encoding')}
                data-testid="import-encoding"
                style={{ width: 140 }}
                value={read.encoding ?? ''}
                disabled={loading}
                onChange={(encoding: string) => onRead({ ...read, encoding: encoding || undefined })}
                options={ENCODINGS.map((e) => ({ value: e, label: encodingLabel(t, e) }))}
              />
            </Space>
            <Space size={4}>
              <span>{t('io.mapping.delimiter')}</span>
              <Select
                aria-label={t('io.mapping.delimiter')}
                data-testid="import-delimiter"
                style={{ width: 140 }}
                value={read.delimiter ?? ''}
                disabled={loading}
                onChange={(delimiter: string) => onRead({ ...read, delimiter: delimiter || undefined })}
                options={DELIMITERS.map((d) => ({ value: d, label: delimiterLabel(t, d) }))}
              />
            </Space>
          </>
        )}
        {info.sheets.length > 1 && (
          <Space size={4}>
            <span>{t('io.mapping.sheet')}</span>
            <Select
              aria-label={t('io.mapping.sheet')}
              style={{ width: 180 }}
              value={read.sheet ?? info.sheet}
              disabled={loading}
              onChange={(sheet: string) => onRead({ ...read, sheet })}
              options={info.sheets.map((s) => ({ value: s, label: s }))}
            />
          </Space>
        )}
      </Space>
      <Space wrap size={[16, 8]} className="io-presets">
        <Select<string>
          aria-label={t('io.mapping.preset')}
          data-testid="import-preset"
          placeholder={t('io.mapping.preset')}
          style={{ width: 260 }}
          value={null}
          loading={!presets.data && !presets.error}
          onChange={(id) => {
            const preset = presets.data?.find((p) => p.id === id);
            if (preset) apply(preset);
          }}
          options={(presets.data ?? []).map((p) => ({
            value: p.id,
            label: (
              <span className="io-preset-option" data-testid="preset-option" data-preset-id={p.id}>
                <span>{mappingLabel(t, p)}</span>
                {p.builtin ? (
                  <Tag>{t('io.mapping.builtin')}</Tag>
                ) : (
                  <Popconfirm title={t('io.mapping.deleteConfirm', { name: p.name })} onConfirm={() => void remove(p)}>
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('io.mapping.delete')}
                      onClick={(e) => e.stopPropagation()}
                    />
                  </Popconfirm>
                )}
              </span>
            ),
          }))}
        />
        <Space.Compact>
          <Input
            aria-label={t('io.mapping.saveName')}
            placeholder={t('io.mapping.saveName')}
            value={saveName}
            maxLength={60}
            status={builtinClash ? 'error' : undefined}
            onChange={(e) => {
              setSaveName(e.target.value);
              setConfirmReplace(false);
            }}
            onPressEnter={requestSave}
            data-testid="import-mapping-name"
          />
          <Popconfirm
            open={confirmReplace}
            title={t('io.mapping.replaceConfirm', { name })}
            okText={t('io.mapping.replace')}
            onConfirm={() => void save()}
            onCancel={() => setConfirmReplace(false)}
            onOpenChange={(open) => !open && setConfirmReplace(false)}
          >
            <Button icon={<SaveOutlined />} disabled={!name} onClick={requestSave} data-testid="import-mapping-save">
              {t('io.mapping.save')}
            </Button>
          </Popconfirm>
        </Space.Compact>
      </Space>
      <Table<ColumnRow>
        size="small"
        rowKey="index"
        pagination={false}
        loading={loading}
        dataSource={rows}
        data-testid="import-mapping-table"
        onRow={(r) => ({ 'data-testid': 'mapping-row', 'data-header': r.header }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'n', title: '#', width: 48, render: (_, r) => r.index + 1 },
          {
            key: 'header',
            title: t('io.mapping.column'),
            width: 200,
            render: (_, r) => <Typography.Text strong>{r.header || t('io.mapping.noHeader')}</Typography.Text>,
          },
          {
            key: 'target',
            title: t('io.mapping.target'),
            width: 240,
            render: (_, r) => (
              <Select
                aria-label={t('io.mapping.targetOf', { header: r.header || r.index + 1 })}
                data-testid={`mapping-target-${r.index}`}
                style={{ width: 220 }}
                showSearch={{ optionFilterProp: 'label' }}
                value={r.target}
                status={r.target === IGNORE ? 'warning' : undefined}
                onChange={(target: string) => setTarget(r.index, target)}
                options={options}
              />
            ),
          },
          {
            key: 'samples',
            title: t('io.mapping.samples'),
            render: (_, r) =>
              r.samples.length ? (
                <Typography.Text ellipsis className="io-samples">
                  {r.samples.join(' · ')}
                </Typography.Text>
              ) : (
                <Typography.Text type="secondary">{r.target === IGNORE ? t('io.mapping.notImported') : '—'}</Typography.Text>
              ),
          },
        ]}
      />
    </div>
  );
}
