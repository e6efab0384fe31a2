// Messages of deals (zh-CN first; English has exactly the same keys).
import type { Shape } from './shape';

export const dealsZh = {
  title: '商机',
  settings: { tab: '销售流程' },
  errors: {
    no_pipeline: '没有可用的销售流程',
    no_stage: '所选阶段不存在',
    one_won: '必须有且只有一个“赢单”阶段',
    one_lost: '必须有且只有一个“输单”阶段',
    one_open: '至少需要一个进行中的阶段',
    stage_name_taken: '阶段名称重复',
    stage_in_use: '阶段“{{name}}”中还有商机（包括回收站中的），不能删除，请先移走',
    stage_kind_in_use: '阶段“{{name}}”中还有商机，不能修改其类型',
    pipeline_in_use: '该销售流程中还有 {{count}} 个商机（包括回收站中的），不能删除',
    last_pipeline: '至少保留一个销售流程',
    lost_reason_required: '请填写输单原因',
    contact_missing: '所选联系人不存在',
  },
};

export const dealsEn: Shape<typeof dealsZh> = {
  title: 'Opportunities',
  settings: { tab: 'Pipelines' },
  errors: {
    no_pipeline: 'There is no pipeline to use',
    no_stage: 'The chosen stage does not exist',
    one_won: 'There must be exactly one "won" stage',
    one_lost: 'There must be exactly one "lost" stage',
    one_open: 'There must be at least one open stage',
    stage_name_taken: 'Two stages have the same name',
    stage_in_use: 'Stage "{{name}}" still holds opportunities (also in the Trash): move them first',
    stage_kind_in_use: 'Stage "{{name}}" still holds opportunities: its kind cannot change',
    pipeline_in_use: 'This pipeline still holds {{count}} opportunities (also in the Trash)',
    last_pipeline: 'Keep at least one pipeline',
    lost_reason_required: 'Give the reason it was lost',
    contact_missing: 'The chosen contact does not exist',
  },
};
