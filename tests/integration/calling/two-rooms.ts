/** A configuration with two rooms calling the same department, for the concurrency tests. */
export const TWO_ROOMS = {
  version: 1,
  queue: {
    rooms: [
      { code: '101', name: { vi: 'Phòng 101', en: 'Room 101' }, departments: ['KHAM'] },
      { code: '102', name: { vi: 'Phòng 102', en: 'Room 102' }, departments: ['KHAM'] },
    ],
  },
};
