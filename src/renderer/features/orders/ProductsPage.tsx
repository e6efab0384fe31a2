// The product catalogue: search (name, SKU, pinyin), active/inactive/deleted, stock at a glance,
// New/Edit drawer; inactive products are greyed, deleted ones can be restored.
import { useState } from 'react';
import { Alert, App, Button, Input, Popconfirm, Segmented, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../shared/money';
import type { Product } from '../../../shared/orders';
import { call } from '../../api';
import { errorText } from '../../components/errors';
import { usePaged } from '../../components/usePaged';
import { ProductForm } from './ProductForm';
import './orders.css';

type Show = 'all' | 'active' | 'inactive' | 'deleted';
const FILTER: Record<Show, { active?: boolean; deleted?: boolean }> = {
  all: {},
  active: { active: true },
  inactive: { active: false },
  deleted: { deleted: true },
};

export function ProductsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [show, setShow] = useState<Show>('all');
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  const paged = usePaged(JSON.stringify({ q, show }), (cursor) => call('products.list', { q: q || null, ...FILTER[show], cursor, limit: 200 }));

  const act = async (run: () => Promise<unknown>, done?: string) => {
    try {
      await run();
      if (done) message.success(done);
      paged.reload();
    } catch (e) {
      message.error(errorText(t, e));
    }
  };

  return (
    <div className="list-page">
      <div className="page-head">
        <Typography.Title level={3}>{t('orders.products.title')}</Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="product-new">
          {t('orders.products.new')}
        </Button>
      </div>
      <Space style={{ marginBottom: 12 }} wrap>
        <Input.Search allowClear placeholder={t('orders.products.search')} onSearch={setQ} style={{ width: 280 }} data-testid="product-search" />
        <Segmented<Show>
          value={show}
          onChange={setShow}
          options={(Object.keys(FILTER) as Show[]).map((s) => ({ value: s, label: t(`orders.products.show.${s}`) }))}
        />
      </Space>
      {paged.error !== null && <Alert type="error" showIcon title={errorText(t, paged.error)} style={{ marginBottom: 8 }} />}
      <Table<Product>
        data-testid="product-list"
        size="middle"
        rowKey="id"
        pagination={false}
        loading={paged.count === 0 && !paged.done}
        dataSource={paged.rows()}
        rowClassName={(p) => (p.active && !p.deletedAt ? '' : 'product-inactive')}
        locale={{ emptyText: t('orders.products.empty') }}
        onRow={(p) => ({ onDoubleClick: () => !p.deletedAt && setEditing(p) })}
        columns={[
          { key: 'sku', title: t('orders.products.sku'), dataIndex: 'sku', width: 140 },
          {
            key: 'name',
            title: t('orders.products.name'),
            render: (_, p) => (
              <Space size={4}>
                <span>{p.name}</span>
                {!p.active && <Tag>{t('orders.products.inactive')}</Tag>}
                {p.allowBackorder && <Tag color="orange">{t('orders.products.backorder')}</Tag>}
              </Space>
            ),
          },
          { key: 'unit', title: t('orders.products.unit'), dataIndex: 'unit', width: 80 },
          { key: 'price', title: t('orders.products.price'), align: 'right', width: 140, render: (_, p) => formatMoney(p.price, p.currency) },
          {
            key: 'stock',
            title: t('orders.products.stock'),
            align: 'right',
            width: 100,
            render: (_, p) => (
              <Typography.Text type={p.stock <= 0 ? 'danger' : undefined} data-testid={`stock-${p.sku}`}>
                {p.stock}
              </Typography.Text>
            ),
          },
          { key: 'actions', width: 150, render: (_, p) => <RowActions product={p} onEdit={() => setEditing(p)} act={act} /> },
        ]}
      />
      {!paged.done && paged.count > 0 && (
        <Button type="link" onClick={paged.loadMore}>
          {t('common.loadMore')}
        </Button>
      )}
      <ProductForm editing={editing} onClose={() => setEditing(null)} onSaved={paged.reload} />
    </div>
  );
}

function RowActions({ product, onEdit, act }: { product: Product; onEdit(): void; act(run: () => Promise<unknown>, done?: string): Promise<void> }) {
  const { t } = useTranslation();
  if (product.deletedAt) {
    return (
      <Button size="small" onClick={() => void act(() => call('products.restore', { id: product.id }), t('orders.products.restored'))}>
        {t('orders.products.restore')}
      </Button>
    );
  }
  return (
    <Space size={4}>
      <Button size="small" type="link" onClick={onEdit} data-testid={`product-edit-${product.sku}`}>
        {t('common.edit')}
      </Button>
      <Popconfirm title={t('orders.products.confirmDelete', { name: product.name })} onConfirm={() => act(() => call('products.delete', { id: product.id }))}>
        <Button size="small" type="link" danger>
          {t('common.delete')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
