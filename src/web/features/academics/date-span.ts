/** Both dates given, and the last one not before the first (`YYYY-MM-DD` compares as text). */
export function checkSpan(
  span: { startsOn: string; endsOn: string },
  messages: { required: string; order: string },
): { startsOn?: string; endsOn?: string } {
  if (!span.startsOn || !span.endsOn) {
    return {
      ...(span.startsOn ? {} : { startsOn: messages.required }),
      ...(span.endsOn ? {} : { endsOn: messages.required }),
    };
  }
  return span.endsOn < span.startsOn ? { endsOn: messages.order } : {};
}
