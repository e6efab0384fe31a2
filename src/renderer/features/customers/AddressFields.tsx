import { Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';

/** Province / city / district / street address, the same on companies and contacts. */
export function AddressFields() {
  const { t } = useTranslation();
  return (
    <>
      <Row gutter={8}>
        {(['province', 'city', 'district'] as const).map((f) => (
          <Col span={8} key={f}>
            <Form.Item name={f} label={t(`fields.${f}`)}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Form.Item name="address" label={t('fields.address')}>
        <Input maxLength={200} />
      </Form.Item>
    </>
  );
}
