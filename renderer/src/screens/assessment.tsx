import { Button, Result } from 'antd';

/** One open assessment. The review workspace grows here. */
export function AssessmentScreen({ id, onBack }: { id: string; onBack: () => void }) {
  return <Result title={id} extra={<Button onClick={onBack}>返回考评列表</Button>} />;
}
