// New/Edit product drawer: validated with the same ProductSave schema the main process runs;
// server field errors (a taken SKU) land on their fields.
import { useEffect, useState } from 'react';
import { App, Form, Input, InputNumber, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProductSave, type Product } from '../../../shared/orders';
import { ApiError, call } from '../../api';
import { applyIssues, errorText, zodIssues } from '../../components/errors';
import { FormDrawer } from '../customers/FormDrawer';
import { MoneyInput } from '../../components/MoneyInputs';

interface Props {
  /** The product to edit, 'new', or null when closed. */
  editing: Product | 'new' | null;
  onClose(): void;
  onSaved(): void;
}

const fresh = { unit: '个', price: 0, stock: 0, allowBackorder: false, active: true };

export function ProductForm({ editing, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const product = editing === 'new' ? null : editing;

  useEffect(() => {
    if (editing) form.setFieldsValue(product ?? fresh);
  }, [editing, product, form]);

  const save = async () => {
    const parsed = ProductSave.safeParse({ ...form.getFieldsValue(true), id: product?.id, stockBefore: product?.stock });
    if (!parsed.success) return applyIssues(t, form, zodIssues(parsed.error));
    setSaving(true);
    try {
      await call('products.save', parsed.data);
      message.success(t('common.saved'));
      onSaved();
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.data.fields) applyIssues(t, form, e.data.fields);
      else message.error(errorText(t, e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <FormDrawer open={editing !== null} title={t(product ? 'orders.products.edit' : 'orders.products.new')} saving={saving} onSave={() => void save()} onClose={onClose}>
      <Form form={form} layout="vertical" data-testid="product-form" preserve={false}>
        <Form.Item name="sku" label={t('orders.products.sku')} required>
          <Input autoFocus maxLength={40} data-testid="product-sku" />
        </Form.Item>
        <Form.Item name="name" label={t('orders.products.name')} required>
          <Input maxLength={100} data-testid="product-name" />
        </Form.Item>
        <Form.Item name="unit" label={t('orders.products.unit')}>
          <Input maxLength={20} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="price" label={t('orders.products.price')} required>
          <MoneyInput prefix="¥" data-testid="product-price" />
        </Form.Item>
        <Form.Item name="stock" label={t('orders.products.stock')}>
          <InputNumber precision={0} style={{ width: '100%' }} data-testid="product-stock" />
        </Form.Item>
        <Form.Item name="allowBackorder" label={t('orders.products.allowBackorder')} valuePropName="checked" extra={t('orders.products.allowBackorderHint')}>
          <Switch />
        </Form.Item>
        <Form.Item name="active" label={t('orders.products.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="notes" label={t('orders.products.notes')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
