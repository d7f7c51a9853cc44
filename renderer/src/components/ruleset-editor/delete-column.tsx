import { DeleteOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ColumnType } from 'antd/es/table';

/** The editor tables' last column: one red 删除 button per row. */
export function deleteColumn<T>(onDelete: (row: T, index: number) => void, disabled?: (row: T, index: number) => boolean): ColumnType<T> {
  return {
    title: '',
    width: 40,
    render: (_: unknown, row: T, index: number) => (
      <Button
        size="small"
        type="text"
        danger
        icon={<DeleteOutlined />}
        aria-label="删除"
        disabled={disabled?.(row, index)}
        onClick={() => onDelete(row, index)}
      />
    ),
  };
}
