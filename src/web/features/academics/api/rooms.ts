import type {
  CreateRoomBody,
  Room,
  UpdateRoomBody,
} from '../../../../shared/contracts/academics.js';

import { defineStructureResource, useStructureList } from './structure-resource';

/** `/api/rooms`, by name. */
export const roomsResource = defineStructureResource<Room, CreateRoomBody, UpdateRoomBody>(
  'rooms',
  'name',
);

export function useRooms() {
  return useStructureList(roomsResource);
}
