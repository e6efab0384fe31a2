import { Tag as AntTag } from 'antd';
import type { Tag } from '../../../shared/tags';

/** A record's tags in their colours; `onRemove` makes them closable. */
export function TagChips({ tags, onRemove }: { tags: Pick<Tag, 'id' | 'name' | 'color'>[]; onRemove?(id: string): void }) {
  return (
    <span className="tag-chips">
      {tags.map((tag) => (
        <AntTag
          key={tag.id}
          color={tag.color}
          closable={Boolean(onRemove)}
          onClose={(e) => {
            e.preventDefault();
            onRemove?.(tag.id);
          }}
        >
          {tag.name}
        </AntTag>
      ))}
    </span>
  );
}
