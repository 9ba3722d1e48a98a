package io.crosscount.ingest;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads articles inside the Kafka source, so that the source's watermark strategy sees each
 * record's event time and Flink keeps one watermark per partition. A bad record becomes a
 * dead-letter {@link ParsedRecord}: nothing here throws for bad input. A replay by publication
 * time skips what lies outside its {@link PublishedRange} here, before it can move event time.
 */
public final class ArticleRecordDeserializer implements KafkaRecordDeserializationSchema<ParsedRecord> {
    private static final long serialVersionUID = 1L;

    private final ArticleReader reader;
    private final PublishedRange range;

    public ArticleRecordDeserializer(ArticleReader reader, PublishedRange range) {
        this.reader = reader;
        this.range = range;
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<ParsedRecord> out) {
        RawRecord raw = new RawRecord(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.key(), record.value());
        ParsedRecord read = reader.read(raw, System.currentTimeMillis());
        if (range.contains(read)) {
            out.collect(read);
        }
    }

    @Override
    public TypeInformation<ParsedRecord> getProducedType() {
        return TypeInformation.of(ParsedRecord.class);
    }
}
