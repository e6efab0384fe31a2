// The admin screens' words: every permission sits in one checkbox group and has a name in both
// languages; audit actions and roles read as words, unknown ones as recorded.
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../../../shared/permissions';
import type { RoleInfo } from '../../../shared/users';
import { en } from '../../components/i18n/en';
import { zhCN } from '../../components/i18n/zh-CN';
import { PERMISSION_GROUPS, actionLabel, permissionLabel, prettyJson, roleLabel } from './labels';

async function translator(lng: 'zh-CN' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, interpolation: { escapeValue: false }, showSupportNotice: false });
  return i18n.t;
}

describe('admin labels', () => {
  it('puts every permission in exactly one group', () => {
    const grouped = Object.values(PERMISSION_GROUPS).flat();
    expect([...grouped].sort()).toEqual([...PERMISSIONS].sort());
  });

  it('names every permission in zh-CN and English, differently from its id', async () => {
    for (const lng of ['zh-CN', 'en'] as const) {
      const t = await translator(lng);
      for (const p of PERMISSIONS) {
        const label = permissionLabel(t, p);
        expect(typeof label, p).toBe('string');
        expect(label, `${lng} ${p}`).not.toContain('admin.permissions');
      }
    }
  });

  it('reads audit actions as words where known, else as recorded', async () => {
    const t = await translator('zh-CN');
    expect(actionLabel(t, 'contacts.update')).toBe('联系人 · 修改');
    expect(actionLabel(t, 'auth.loginFailed')).toBe('登录失败');
    expect(actionLabel(t, 'roles.save')).toBe('角色 · 保存');
    expect(actionLabel(t, 'widgets.frobnicate')).toBe('widgets.frobnicate');
    expect(actionLabel(t, 'auth')).toBe('auth');
    expect(actionLabel(t, 'a.b.c')).toBe('a.b.c');
    expect(actionLabel(await translator('en'), 'companies.create')).toBe('Company · create');
  });

  it('names built-in roles by translation and custom ones by their name', async () => {
    const t = await translator('zh-CN');
    const roles: RoleInfo[] = [{ id: 'r1', name: '华东销售', builtin: false, permissions: [], scope: 'own', users: 0 }];
    expect(roleLabel(t, 'sales', roles)).toBe('销售');
    expect(roleLabel(t, 'r1', roles)).toBe('华东销售');
    expect(roleLabel(t, 'gone', roles)).toBe('（已删除的角色）');
  });

  it('indents stored JSON and leaves other text alone', () => {
    expect(prettyJson('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(prettyJson('not json')).toBe('not json');
  });
});
