package id.dukcapil.portal.reports.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A day's rollup packed into one value (decision 090): a dictionary of the day's texts (procedures, steps, service
 * points, officers), then per group (procedure, step, point, officer) its count, how many within the standard, how
 * many over it for an excused reason, and its durations ({@link Durations}). One row per day keeps a year's dashboard to 365 rows read.
 */
public final class DayRollup {

    private DayRollup() {
    }

    /** One group of the day, its durations still encoded in {@code content[from, to)}. */
    public record Group(String procedure, String step, String servicePoint, String officer, int count, int within,
                        int excused, byte[] content, int from, int to) {
    }

    /** Packs the groups (durations already encoded); '' stands for no service point or officer. */
    public static byte[] pack(List<Group> groups) {
        Map<String, Integer> dictionary = new HashMap<>();
        List<String> texts = new ArrayList<>();
        for (Group group : groups) {
            for (String text : List.of(group.procedure(), group.step(), group.servicePoint(), group.officer())) {
                if (!dictionary.containsKey(text)) {
                    dictionary.put(text, texts.size());
                    texts.add(text);
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeVarint(out, texts.size());
        for (String text : texts) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            writeVarint(out, bytes.length);
            out.writeBytes(bytes);
        }
        writeVarint(out, groups.size());
        for (Group group : groups) {
            writeVarint(out, dictionary.get(group.procedure()));
            writeVarint(out, dictionary.get(group.step()));
            writeVarint(out, dictionary.get(group.servicePoint()));
            writeVarint(out, dictionary.get(group.officer()));
            writeVarint(out, group.count());
            writeVarint(out, group.within());
            writeVarint(out, group.excused());
            writeVarint(out, group.to() - group.from());
            out.write(group.content(), group.from(), group.to() - group.from());
        }
        return out.toByteArray();
    }

    /** The day's groups; the durations are not decoded, only located. */
    public static List<Group> unpack(byte[] content) {
        int[] at = {0};
        int size = readVarint(content, at);
        String[] texts = new String[size];
        for (int i = 0; i < size; i++) {
            int length = readVarint(content, at);
            texts[i] = new String(content, at[0], length, StandardCharsets.UTF_8).intern();
            at[0] += length;
        }
        int groups = readVarint(content, at);
        List<Group> result = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) {
            String procedure = texts[readVarint(content, at)];
            String step = texts[readVarint(content, at)];
            String point = texts[readVarint(content, at)];
            String officer = texts[readVarint(content, at)];
            int count = readVarint(content, at);
            int within = readVarint(content, at);
            int excused = readVarint(content, at);
            int length = readVarint(content, at);
            result.add(new Group(procedure, step, point, officer, count, within, excused, content, at[0], at[0] + length));
            at[0] += length;
        }
        return result;
    }

    private static void writeVarint(ByteArrayOutputStream out, int value) {
        while ((value & ~0x7F) != 0) {
            out.write((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.write(value);
    }

    private static int readVarint(byte[] content, int[] at) {
        int value = 0;
        int shift = 0;
        byte b;
        do {
            b = content[at[0]++];
            value |= (b & 0x7F) << shift;
            shift += 7;
        } while (b < 0);
        return value;
    }
}
