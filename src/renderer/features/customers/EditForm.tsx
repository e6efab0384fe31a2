// A customer form opened through its list store's `editing` (a record id, 'new' or null): mounted
// keyed by it, closed on cancel and after a save.
import type { ComponentType } from 'react';
import type { CustomerFormProps } from './CustomerForm';
import type { ListStore } from './listStore';

interface Props {
  form: ComponentType<CustomerFormProps>;
  store: ListStore;
  onSaved(id: string): void;
}

export function EditForm({ form: Form, store, onSaved }: Props) {
  const { editing, setEditing } = store();
  return (
    <Form
      key={editing ?? 'closed'}
      editing={editing}
      onClose={() => setEditing(null)}
      onSaved={(id) => {
        setEditing(null);
        onSaved(id);
      }}
    />
  );
}
