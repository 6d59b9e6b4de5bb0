import { describe, expect, it } from 'vitest';
import { CLASSROOM_DEFAULT, classroomHidden, classroomLocked, classroomPairs, classroomParse } from './classroomUrl';

describe('classroomParse', () => {
  it('reads the lesson, presenter mode and the hidden and locked panels', () => {
    const { state, notices } = classroomParse('?lesson=label-noise&presenter=1&hide=optimizer,data&lock=loss');
    expect(notices).toEqual([]);
    expect(state).toEqual({ lessonId: 'label-noise', presenter: true, hidden: ['optimizer', 'data'], locked: ['loss'] });
  });

  it('gives the default state for a link without classroom keys', () => {
    expect(classroomParse('?v=1&data=xor&backend=cpu')).toEqual({ state: CLASSROOM_DEFAULT, notices: [] });
  });

  it('names what it cannot use and goes on without it', () => {
    const { state, notices } = classroomParse('?lesson=nope&presenter=maybe&hide=data,sidebar,data');
    expect(state).toEqual({ lessonId: null, presenter: false, hidden: ['data'], locked: [] });
    expect(notices).toEqual([
      'lesson "nope" is not a lesson; none is open (the Lessons menu lists them)',
      'presenter=maybe is not 1 or 0; presenter mode is off',
      'hide=sidebar is not a panel (data, model, runs, loss, optimizer, metrics, views, controls); ignored',
    ]);
  });

  it('round-trips through its pairs', () => {
    const state = { lessonId: 'overlap', presenter: true, hidden: ['controls'], locked: ['views', 'loss'] } as const;
    const search = new URLSearchParams(classroomPairs(state)).toString();
    expect(classroomParse(search).state).toEqual(state);
    expect(classroomPairs(CLASSROOM_DEFAULT)).toEqual([]);
  });
});

describe('classroomHidden / classroomLocked', () => {
  it('`controls` covers the settings column but not the view toggles', () => {
    expect(classroomHidden({ hidden: ['controls'] }, 'optimizer')).toBe(true);
    expect(classroomHidden({ hidden: ['controls'] }, 'views')).toBe(false);
    expect(classroomLocked({ locked: ['loss'] }, 'loss')).toBe(true);
    expect(classroomLocked({ locked: ['loss'] }, 'data')).toBe(false);
  });
});
