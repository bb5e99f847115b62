import { useTranslation } from 'react-i18next';
import { deviceLabel, type DeviceKind, type DeviceSlot } from './device-check.ts';

interface DeviceChoiceProps {
  kind: DeviceKind;
  slot: DeviceSlot;
  label: string;
  onChoose: (deviceId: string) => void;
}

/**
 * A labelled list of the browser's cameras or microphones. Shown once the device is on: before
 * that, browsers list nameless entries whose ids may not even be the real ones.
 */
export function DeviceChoice({ kind, slot, label, onChoose }: DeviceChoiceProps) {
  const { t } = useTranslation();
  if (slot.access !== 'on' || slot.devices.length === 0) return null;
  const id = `device-choice-${kind}`;
  return (
    <div className="field device-choice">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={slot.chosenId ?? ''}
        onChange={(event) => onChoose(event.target.value)}
      >
        {slot.devices.map((device, index) => (
          <option key={device.id} value={device.id}>
            {deviceLabel(device, index, (number) => t(`join.devices.unnamed.${kind}`, { number }))}
          </option>
        ))}
      </select>
    </div>
  );
}
