// The permissions of a role as grouped checkboxes with their translated names; a group's own box
// ticks or clears the whole group. Works as an antd form control (value: Permission[]).
import { Checkbox, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../../shared/permissions';
import { PERMISSION_GROUPS, permissionLabel, type PermissionGroup } from './labels';

interface Props {
  value?: Permission[];
  onChange?(value: Permission[]): void;
  disabled?: boolean;
}

const groups = Object.entries(PERMISSION_GROUPS) as [PermissionGroup, Permission[]][];

export function PermissionChecklist({ value = [], onChange, disabled }: Props) {
  const { t } = useTranslation();
  const held = new Set(value);
  const set = (group: Permission[], on: Permission[]) => onChange?.([...value.filter((p) => !group.includes(p)), ...on]);
  return (
    <Row gutter={[16, 12]}>
      {groups.map(([group, permissions]) => {
        const count = permissions.filter((p) => held.has(p)).length;
        return (
          <Col span={12} key={group}>
            <Checkbox
              disabled={disabled}
              checked={count === permissions.length}
              indeterminate={count > 0 && count < permissions.length}
              onChange={(e) => set(permissions, e.target.checked ? permissions : [])}
            >
              <Typography.Text strong>{t(`admin.permissionGroups.${group}`)}</Typography.Text>
            </Checkbox>
            <Checkbox.Group
              className="permission-group"
              disabled={disabled}
              value={permissions.filter((p) => held.has(p))}
              onChange={(on) => set(permissions, on)}
              options={permissions.map((p) => ({ value: p, label: permissionLabel(t, p) }))}
            />
          </Col>
        );
      })}
    </Row>
  );
}
