import { ScrollView, Text, View } from '@tarojs/components';
import { useEffect, useMemo, useState } from 'react';
import { citiesOf, countiesOf, pathOfCode, pickedRegion, provinces, type PickedRegion, type RegionOption } from './regions';
import './index.scss';

interface Props {
  visible: boolean;
  /** The county code to open at (the address being edited). */
  initialCode?: string | null;
  onPick: (region: PickedRegion) => void;
  onClose: () => void;
}

const LEVELS = ['省份', '城市', '区县'];

/** 选择所在地区: a bottom sheet, 省 → 市 → 区, each level a list; the chosen path stays as tabs to go back up. */
export default function RegionPicker({ visible, initialCode, onPick, onClose }: Props) {
  const [path, setPath] = useState<RegionOption[]>([]);
  const [level, setLevel] = useState(0);

  useEffect(() => {
    if (!visible) return;
    const start = pathOfCode(initialCode) ?? [];
    setPath(start);
    setLevel(Math.max(0, Math.min(start.length - 1, 2)));
  }, [visible, initialCode]);

  const options = useMemo(() => {
    if (level === 0) return provinces();
    if (level === 1) return path[0] ? citiesOf(path[0].code) : [];
    return path[1] ? countiesOf(path[1].code) : [];
  }, [level, path]);

  if (!visible) return null;

  const choose = (option: RegionOption) => {
    const next = [...path.slice(0, level), option];
    const deeper = level === 0 ? citiesOf(option.code) : level === 1 ? countiesOf(option.code) : [];
    if (level === 2 || deeper.length === 0) {
      onPick(pickedRegion(next));
      return;
    }
    setPath(next);
    setLevel(level + 1);
  };

  const chosen = path[level]?.code;
  return (
    <View className='region-picker' data-testid='region-picker'>
      <View className='region-picker__mask' onClick={onClose} />
      <View className='region-picker__panel'>
        <View className='region-picker__head'>
          <Text className='region-picker__title'>选择所在地区</Text>
          <Text className='region-picker__close' data-testid='region-picker-close' onClick={onClose}>
            ×
          </Text>
        </View>
        <View className='region-picker__tabs'>
          {LEVELS.slice(0, Math.max(level, path.length - 1) + 1).map((label, i) => (
            <Text
              key={label}
              className={`region-picker__tab${i === level ? ' region-picker__tab--on' : ''}`}
              data-testid={`region-tab-${i}`}
              onClick={() => setLevel(i)}
            >
              {i < level || (i === level && path[i]) ? path[i]!.name : `请选择${label}`}
            </Text>
          ))}
        </View>
        <ScrollView className='region-picker__list' scrollY>
          {options.map((option) => (
            <View
              key={option.code}
              className={`region-picker__option${option.code === chosen ? ' region-picker__option--on' : ''}`}
              data-testid={`region-option-${option.name}`}
              onClick={() => choose(option)}
            >
              <Text>{option.name}</Text>
              {option.code === chosen ? <Text className='region-picker__check'>✓</Text> : null}
            </View>
          ))}
        </ScrollView>
      </View>
    </View>
  );
}

export type { PickedRegion } from './regions';
